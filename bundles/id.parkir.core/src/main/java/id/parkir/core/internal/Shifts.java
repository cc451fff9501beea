package id.parkir.core.internal;

import id.parkir.api.Actor;
import id.parkir.api.ParkirException;
import id.parkir.api.Rupiah;
import id.parkir.api.parking.ShiftReport;
import id.parkir.api.parking.ShiftView;
import id.parkir.store.jpa.ParkirStore;
import id.parkir.store.jpa.Statements;
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
    /** The payment method whose takings are in the drawer. */
    static final String CASH = "cash";

    private final ParkirStore store;

    Shifts(ParkirStore store) {
        this.store = store;
    }

    ShiftView open(Actor actor, long openingCash) {
        Rupiah.requireAmount("openingCash", openingCash);
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
        Rupiah.requireAmount("countedCash", countedCash);
        return store.write(em -> {
            ShiftEntity s = openShift(em, actor.username());
            // conditional: of two closes at once (two screens, two servers) one closes, the other is told
            long at = Sessions.now().toEpochMilli();
            int closed = s == null ? 0 : countedCash == null
                    ? Statements.update(em, "UPDATE PARKIR_SHIFT SET CLOSED_AT = ?, OPEN_USERNAME = NULL"
                            + " WHERE ID = ? AND CLOSED_AT IS NULL", at, s.getId())
                    : Statements.update(em, "UPDATE PARKIR_SHIFT SET CLOSED_AT = ?, COUNTED_CASH = ?, OPEN_USERNAME = NULL"
                            + " WHERE ID = ? AND CLOSED_AT IS NULL", at, countedCash, s.getId());
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

    /** The open shift's report so far: the same aggregates, read without locking the shift. */
    Optional<ShiftReport> running(Actor actor) {
        return store.read(em -> Optional.ofNullable(openShift(em, actor.username())).map(s -> report(em, s)));
    }

    /** Aggregates over the shift's own rows; each is answered from a covering index, never the tables. */
    private static ShiftReport report(EntityManager em, ShiftEntity s) {
        long entries = count(Statements.single(em, "SELECT COUNT(*) FROM PARKIR_SESSION WHERE ENTRY_SHIFT = ?", s.getId()));
        long lost = count(Statements.single(em, "SELECT COUNT(*) FROM PARKIR_SESSION WHERE EXIT_SHIFT = ? AND LOST_TICKET = ?",
                s.getId(), Boolean.TRUE));
        long exits = 0;
        Map<String, Long> byMethod = new LinkedHashMap<>();
        for (Object row : em.createNativeQuery("SELECT METHOD, COUNT(*), SUM(TOTAL) FROM PARKIR_PAYMENT WHERE SHIFT_ID = ?"
                + " GROUP BY METHOD ORDER BY METHOD").setParameter(1, s.getId()).getResultList()) {
            Object[] r = (Object[]) row;
            exits += count(r[1]);
            byMethod.put((String) r[0], count(r[2]));
        }
        long total = byMethod.values().stream().mapToLong(Long::longValue).reduce(0, Math::addExact);
        long cashExpected = cashExpected(s.getOpeningCash(), byMethod);
        Long difference = s.getCountedCash() == null ? null : Math.subtractExact(s.getCountedCash(), cashExpected);
        return new ShiftReport(s.getId(), s.getUsername(), Instant.ofEpochMilli(s.getOpenedAt()),
                s.getClosedAt() == null ? null : Instant.ofEpochMilli(s.getClosedAt()), entries, exits, lost, byMethod, total,
                s.getOpeningCash(), cashExpected, s.getCountedCash(), difference);
    }

    /** The cash that should be in the drawer: the opening float and the cash taken (the shift report and the shifts report). */
    static long cashExpected(long openingCash, Map<String, Long> byMethod) {
        return Math.addExact(openingCash, byMethod.getOrDefault(CASH, 0L));
    }

    private static long count(Object n) {
        return n == null ? 0 : ((Number) n).longValue();
    }

    /** The user's open shift (unique index on the open username), or null. */
    static ShiftEntity openShift(EntityManager em, String username) {
        return em.createQuery("SELECT s FROM ShiftEntity s WHERE s.openUsername = :u", ShiftEntity.class)
                .setParameter("u", username).getResultList().stream().findFirst().orElse(null);
    }

    /**
     * The user's open shift, locked until the caller commits: a close waits for the entry or
     * payment being recorded into it, so a closed shift's report is final.
     */
    static Long lockOpenShift(EntityManager em, String username) {
        if (Statements.update(em, "UPDATE PARKIR_SHIFT SET OPEN_USERNAME = OPEN_USERNAME WHERE OPEN_USERNAME = ?", username) == 0) {
            return null;
        }
        ShiftEntity s = openShift(em, username);
        return s == null ? null : s.getId();
    }

    private static ShiftView view(ShiftEntity s) {
        return new ShiftView(s.getId(), s.getUsername(), Instant.ofEpochMilli(s.getOpenedAt()),
                s.getClosedAt() == null ? null : Instant.ofEpochMilli(s.getClosedAt()), s.getOpeningCash());
    }
}
