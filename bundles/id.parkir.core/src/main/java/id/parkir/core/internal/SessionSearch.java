package id.parkir.core.internal;

import id.parkir.api.ParkirException;
import id.parkir.api.parking.Page;
import id.parkir.api.parking.SessionQuery;
import id.parkir.api.parking.SessionView;
import id.parkir.store.jpa.ParkirStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.persistence.EntityManager;
import javax.persistence.Query;

/**
 * The session list, built so that its cost never grows with the history: vehicles inside (and
 * overnight) come from the lot table, as small as the car park, their plate matched up to
 * look-alike characters ({@link LookAlikePlates}) and each priced as if it left now
 * ({@link FeesSoFar}); a date is a range of the entry
 * time index, and so is a range of dates ({@code from}..{@code to}, at most 31 days); a plate
 * without date or status is a prefix of the plate index, listed plate by plate (newest first
 * within a plate) so the index gives the order; a ticket is its unique index; otherwise the newest
 * first from the entry time index. Gate and cashier are compared on the rows those bound
 * ({@link SessionFilters} refuses them without a range, a ticket or the lot table). Paging
 * reaches at most {@link #WINDOW} matches deep and the total is counted up to that many.
 */
final class SessionSearch {
    static final int WINDOW = 10_000;
    /** Sessions fetched by primary key per statement (a page has at most 500). */
    private static final int BY_ID = 100;
    private static final String COLUMNS = "S.TICKET, S.PLATE, S.VEHICLE_TYPE, S.ZONE_CODE, S.GATE, S.STATUS, S.ENTRY_AT,"
            + " S.EXIT_AT, S.TOTAL, S.LOST_TICKET, S.RECEIPT_NO";

    private final ParkirStore store;
    private final DayBoundary boundary;
    private final FeesSoFar fees;

    SessionSearch(ParkirStore store, DayBoundary boundary, FeesSoFar fees) {
        this.store = store;
        this.boundary = boundary;
        this.fees = fees;
    }

    Page<SessionView> search(SessionQuery q) {
        int size = q.size() <= 0 ? 50 : q.size();
        if (size > 500 || q.page() < 0) {
            throw ParkirException.invalid("paging_invalid", "page must be >= 0 and size 1..500");
        }
        if ((long) q.page() * size + size > WINDOW) {
            throw ParkirException.invalid("paging_invalid", "only the first " + WINDOW
                    + " matches can be paged through: narrow the search (date, plate, status)");
        }
        SessionFilters f = SessionFilters.of(q);
        String plate = f.plate();
        Instant now = Sessions.now();
        Sql sql = new Sql();
        boolean inside = f.inside();
        if (inside) {
            sql.from = "PARKIR_INSIDE I JOIN PARKIR_SESSION S ON S.ID = I.SESSION_ID";
            sql.lot = f.onSession() ? sql.from : "PARKIR_INSIDE I";
            sql.order = "I.ENTRY_AT DESC";
            if (f.status().equals("overnight")) {
                sql.where("I.ENTRY_AT < ?", boundary.lastBoundary(now).toEpochMilli());
            }
            if (f.first() != null) {
                sql.where("I.ENTRY_AT >= ? AND I.ENTRY_AT < ?", boundary.startOf(f.first()).toEpochMilli(),
                        boundary.startOf(f.last().plusDays(1)).toEpochMilli());
            }
        } else {
            sql.from = "PARKIR_SESSION S";
            sql.order = "S.ENTRY_AT DESC";
            if (f.status() != null) {
                sql.where("S.STATUS = 'PAID'");
            }
            if (f.first() != null) {
                sql.where("S.ENTRY_AT >= ? AND S.ENTRY_AT < ?", boundary.startOf(f.first()).toEpochMilli(),
                        boundary.startOf(f.last().plusDays(1)).toEpochMilli());
                if (plate != null) {
                    sql.where("S.PLATE LIKE ?", "%" + plate + "%");
                }
            } else if (plate != null) {
                sql.where("S.PLATE LIKE ?", plate + "%");
                sql.order = "S.PLATE, S.ENTRY_AT DESC";
            }
        }
        // the ticket is its unique index; gate and cashier are read within the rows the range, the
        // ticket or the lot table bound (SessionFilters refuses them alone)
        if (f.ticket() != null) {
            sql.where("S.TICKET = ?", f.ticket());
        }
        if (f.gate() != null) {
            sql.where("S.GATE = ?", f.gate());
        }
        if (f.cashier() != null) {
            sql.where("S.EXIT_BY = ?", f.cashier());
        }
        int offset = q.page() * size;
        Page<SessionView> found = inside && plate != null ? insideByPlate(sql, plate, offset, size, q.page(), now)
                : bySql(sql, offset, size, q.page(), now);
        return inside ? new Page<>(fees.add(found.items(), now), found.total(), found.totalExact(), found.page(), found.size())
                : found;
    }

    /** One page in the order of an index, and the matches counted up to the window. */
    private Page<SessionView> bySql(Sql sql, int offset, int size, int page, Instant now) {
        return store.read(em -> {
            List<SessionView> items = new ArrayList<>();
            for (Object row : sql.query(em, "SELECT " + COLUMNS + " FROM " + sql.from + sql.where + " ORDER BY " + sql.order
                    + " OFFSET " + offset + " ROWS FETCH NEXT " + size + " ROWS ONLY").getResultList()) {
                items.add(view((Object[]) row, now));
            }
            long total = items.size() < size && (offset == 0 || !items.isEmpty()) ? offset + items.size()
                    : ((Number) sql.query(em, "SELECT COUNT(*) FROM (SELECT 1 AS X FROM " + sql.from + sql.where
                            + " FETCH FIRST " + (WINDOW + 1) + " ROWS ONLY) T").getSingleResult()).longValue();
            return new Page<>(items, Math.min(total, WINDOW), total <= WINDOW, page, size);
        });
    }

    /**
     * Vehicles inside whose plate matches up to look-alikes: the plate, session and entry time of
     * every row of the lot table (within the status and date conditions), matched in Java, then
     * the page's sessions by primary key.
     */
    private Page<SessionView> insideByPlate(Sql sql, String plate, int offset, int size, int page, Instant now) {
        return store.read(em -> {
            List<LookAlikePlates.Inside> lot = new ArrayList<>();
            for (Object row : sql.query(em, "SELECT I.PLATE, I.SESSION_ID, I.ENTRY_AT FROM " + sql.lot + sql.where)
                    .getResultList()) {
                Object[] r = (Object[]) row;
                lot.add(new LookAlikePlates.Inside((String) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue()));
            }
            LookAlikePlates.Matches matches = LookAlikePlates.page(lot, plate, offset, size);
            Map<Long, SessionView> byId = new HashMap<>();
            for (int from = 0; from < matches.sessionIds().size(); from += BY_ID) {
                List<Long> ids = matches.sessionIds().subList(from, Math.min(from + BY_ID, matches.sessionIds().size()));
                Query query = em.createNativeQuery("SELECT " + COLUMNS + ", S.ID FROM " + sql.from + " WHERE S.ID IN ("
                        + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")");
                for (int i = 0; i < ids.size(); i++) {
                    query.setParameter(i + 1, ids.get(i));
                }
                for (Object row : query.getResultList()) {
                    Object[] r = (Object[]) row;
                    byId.put(((Number) r[11]).longValue(), view(r, now));
                }
            }
            // a vehicle that left between the two reads is left out
            List<SessionView> items = matches.sessionIds().stream().map(byId::get).filter(Objects::nonNull).toList();
            return new Page<>(items, Math.min(matches.total(), WINDOW), matches.total() <= WINDOW, page, size);
        });
    }

    private SessionView view(Object[] r, Instant now) {
        Instant entry = Instant.ofEpochMilli(((Number) r[6]).longValue());
        Instant exit = r[7] == null ? null : Instant.ofEpochMilli(((Number) r[7]).longValue());
        boolean paid = Sessions.PAID.equals(r[5]);
        return new SessionView((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                ((String) r[5]).toLowerCase(Locale.ROOT), entry, exit, paid && r[8] != null ? ((Number) r[8]).longValue() : null,
                truth(r[9]), boundary.nightsBetween(entry, exit == null ? now : exit), (String) r[10], null);
    }

    /** A flag as Derby (SMALLINT) or PostgreSQL (BOOLEAN) returns it. */
    private static boolean truth(Object o) {
        return o instanceof Boolean b ? b : o instanceof Number n && n.intValue() != 0;
    }

    /** The FROM, WHERE and ORDER BY of one search, with its parameters in order. */
    private static final class Sql {
        String from;
        /** The lot table alone, or joined to the sessions when a filter reads a session column. */
        String lot;
        String order;
        String where = "";
        final List<Object> params = new ArrayList<>();

        void where(String condition, Object... values) {
            where += (where.isEmpty() ? " WHERE " : " AND ") + condition;
            params.addAll(List.of(values));
        }

        Query query(EntityManager em, String text) {
            Query query = em.createNativeQuery(text);
            for (int i = 0; i < params.size(); i++) {
                query.setParameter(i + 1, params.get(i));
            }
            return query;
        }
    }
}
