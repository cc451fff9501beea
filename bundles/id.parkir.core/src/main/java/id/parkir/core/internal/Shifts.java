package id.parkir.core.internal;

import id.parkir.api.Actor;
import id.parkir.api.ParkirException;
import id.parkir.api.parking.ShiftReport;
import id.parkir.api.parking.ShiftView;
import id.parkir.store.jpa.ParkirStore;
import id.parkir.store.jpa.ShiftEntity;
import id.parkir.store.jpa.StoreConflict;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.persistence.EntityManager;

/**
 * Cashiers' shifts. One open shift per user is a unique key in the database (the username while
 * open), so it holds across servers; the report is aggregates over the shift's own rows (indexed
 * by shift), whatever the history.
 */
final class Shifts {
    static final String ONE_OPEN_SHIFT = "UQ_SHIFT_OPEN_USERNAME";

    private final ParkirStore store;

    Shifts(ParkirStore store) {
        this.store = store;
    }

    ShiftView open(Actor actor, long openingCash) {
        if (openingCash < 0) {
            throw ParkirException.invalid("amount_invalid", "openingCash must not be negative");
        }
        try {
            return store.write(em -> {
                ShiftEntity s = new ShiftEntity();
                s.setUsername(actor.username());
                s.setOpenUsername(actor.username());
                s.setOpenedAt(Sessions.now().toEpochMilli());
                s.setOpeningCash(openingCash);
                em.persist(s);
                em.flush();
                return view(s);
            });
        } catch (StoreConflict c) {
            if (c.isUnique(ONE_OPEN_SHIFT)) {
                throw ParkirException.conflict("shift_already_open", actor.username() + " already has an open shift");
            }
            throw c;
        }
    }

    ShiftReport close(Actor actor, Long countedCash) {
        if (countedCash != null && countedCash < 0) {
            throw ParkirException.invalid("amount_invalid", "countedCash must not be negative");
        }
        return store.write(em -> {
            ShiftEntity s = openShift(em, actor.username());
            // conditional: of two closes at once (two screens, two servers) one closes, the other is told
            int closed = s == null ? 0 : em.createQuery("UPDATE ShiftEntity s SET s.closedAt = :at, s.countedCash = :cash,"
                            + " s.openUsername = NULL WHERE s.id = :id AND s.closedAt IS NULL")
                    .setParameter("at", Sessions.now().toEpochMilli()).setParameter("cash", countedCash)
                    .setParameter("id", s.getId()).executeUpdate();
            if (closed != 1) {
                throw ParkirException.conflict("no_open_shift", actor.username() + " has no open shift");
            }
            em.clear();
            return report(em, em.find(ShiftEntity.class, s.getId()));
        });
    }

    Optional<ShiftView> current(Actor actor) {
        return store.read(em -> Optional.ofNullable(openShift(em, actor.username())).map(Shifts::view));
    }

    private static ShiftReport report(EntityManager em, ShiftEntity s) {
        long entries = em.createQuery("SELECT COUNT(x) FROM ParkingSessionEntity x WHERE x.entryShift = :id", Long.class)
                .setParameter("id", s.getId()).getSingleResult();
        long exits = em.createQuery("SELECT COUNT(p) FROM PaymentEntity p WHERE p.shiftId = :id", Long.class)
                .setParameter("id", s.getId()).getSingleResult();
        long lost = em.createQuery("SELECT COUNT(x) FROM ParkingSessionEntity x WHERE x.exitShift = :id AND x.lostTicket = TRUE",
                Long.class).setParameter("id", s.getId()).getSingleResult();
        Map<String, Long> byMethod = new LinkedHashMap<>();
        for (Object[] row : em.createQuery("SELECT p.method, SUM(p.total) FROM PaymentEntity p WHERE p.shiftId = :id"
                + " GROUP BY p.method ORDER BY p.method", Object[].class).setParameter("id", s.getId()).getResultList()) {
            byMethod.put((String) row[0], ((Number) row[1]).longValue());
        }
        long total = byMethod.values().stream().mapToLong(Long::longValue).sum();
        long cashExpected = s.getOpeningCash() + byMethod.getOrDefault("cash", 0L);
        Long difference = s.getCountedCash() == null ? null : s.getCountedCash() - cashExpected;
        return new ShiftReport(s.getId(), s.getUsername(), Instant.ofEpochMilli(s.getOpenedAt()),
                s.getClosedAt() == null ? null : Instant.ofEpochMilli(s.getClosedAt()), entries, exits, lost, byMethod, total,
                s.getOpeningCash(), cashExpected, s.getCountedCash(), difference);
    }

    /** The user's open shift (unique index on the open username), or null. */
    static ShiftEntity openShift(EntityManager em, String username) {
        return em.createQuery("SELECT s FROM ShiftEntity s WHERE s.openUsername = :u", ShiftEntity.class)
                .setParameter("u", username).getResultList().stream().findFirst().orElse(null);
    }

    static Long openShiftId(EntityManager em, String username) {
        ShiftEntity s = openShift(em, username);
        return s == null ? null : s.getId();
    }

    private static ShiftView view(ShiftEntity s) {
        return new ShiftView(s.getId(), s.getUsername(), Instant.ofEpochMilli(s.getOpenedAt()),
                s.getClosedAt() == null ? null : Instant.ofEpochMilli(s.getClosedAt()), s.getOpeningCash());
    }
}
