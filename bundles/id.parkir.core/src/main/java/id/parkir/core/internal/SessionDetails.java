package id.parkir.core.internal;

import id.parkir.api.ParkirException;
import id.parkir.api.TicketNumber;
import id.parkir.api.parking.Receipt;
import id.parkir.api.parking.SessionDetail;
import id.parkir.store.jpa.ParkingSessionEntity;
import id.parkir.store.jpa.ParkirStore;
import id.parkir.store.jpa.PaymentEntity;
import java.time.Instant;
import java.util.Locale;

/**
 * One session for its page: the stay by its ticket (unique index) and its payment by the session
 * (unique key), in one short read.
 */
final class SessionDetails {
    private final ParkirStore store;
    private final DayBoundary boundary;

    SessionDetails(ParkirStore store, DayBoundary boundary) {
        this.store = store;
        this.boundary = boundary;
    }

    SessionDetail detail(String typedTicket) {
        String ticket = TicketNumber.parse(typedTicket);
        Instant now = Sessions.now();
        return store.read(em -> {
            ParkingSessionEntity s = Sessions.byTicket(em, ticket);
            if (s == null) {
                throw ParkirException.notFound("ticket_unknown", "no parking session with ticket " + ticket);
            }
            PaymentEntity p = em.createQuery("SELECT p FROM PaymentEntity p WHERE p.sessionId = :id", PaymentEntity.class)
                    .setParameter("id", s.getId()).getResultList().stream().findFirst().orElse(null);
            Receipt payment = p == null ? null : Payments.receipt(p);
            Instant entry = Instant.ofEpochMilli(s.getEntryAt());
            Instant exit = s.getExitAt() == null ? null : Instant.ofEpochMilli(s.getExitAt());
            return new SessionDetail(s.getTicket(), s.getPlate(), s.getVehicleType(), s.getZone(), s.getGate(),
                    s.getStatus().toLowerCase(Locale.ROOT), entry, exit, s.getEntryBy(), s.isLostTicket(),
                    boundary.nightsBetween(entry, exit == null ? now : exit), s.getEntryImage() != null,
                    s.getExitImage() != null, payment);
        });
    }
}
