package id.parkir.core.internal;

import id.parkir.api.ParkirException;
import id.parkir.api.Stay;
import id.parkir.api.VehicleType;
import id.parkir.store.jpa.ParkingSessionEntity;
import id.parkir.store.jpa.VehicleInsideEntity;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.persistence.EntityManager;

/** Lookups and rules about one parking session that entries, exits and payments share. */
final class Sessions {
    static final String INSIDE = "INSIDE";
    static final String PAID = "PAID";
    /** The name the first release's OpenJPA gave the ticket's unique key (kept by the migrations). */
    static final String TICKET_KEY = "U_PRKRSSN_TICKET";

    private Sessions() {
    }

    /** The session of a ticket (unique index), or null. */
    static ParkingSessionEntity byTicket(EntityManager em, String ticket) {
        return em.createQuery("SELECT s FROM ParkingSessionEntity s WHERE s.ticket = :t", ParkingSessionEntity.class)
                .setParameter("t", ticket).getResultList().stream().findFirst().orElse(null);
    }

    /** The session of the vehicle with this plate that is inside now (primary key of the lot), or null. */
    static ParkingSessionEntity insideByPlate(EntityManager em, String plate) {
        VehicleInsideEntity v = em.find(VehicleInsideEntity.class, plate);
        return v == null ? null : em.find(ParkingSessionEntity.class, v.getSessionId());
    }

    static void requireUnpaid(ParkingSessionEntity s) {
        if (PAID.equals(s.getStatus())) {
            throw ParkirException.conflict("ticket_already_paid", "ticket " + s.getTicket() + " was already paid (receipt "
                    + s.getReceiptNo() + ")");
        }
    }

    static Stay stay(ParkingSessionEntity s, Instant exit, boolean lostTicket, DayBoundary boundary) {
        Instant entry = Instant.ofEpochMilli(s.getEntryAt());
        return new Stay(VehicleType.parse(s.getVehicleType()), s.getZone(), entry, exit, lostTicket,
                boundary.nightsBetween(entry, exit));
    }

    /** Millisecond precision: what the API answers is exactly what the database stores. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
