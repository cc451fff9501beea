package id.parkir.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManager;

/**
 * How many vehicles (of a zone, type or entry gate) were inside at a moment, counted from an index
 * either way, whichever reads less: the entries before it less the exits before it, or the vehicles
 * inside now (the lot table) less the entries since plus the exits since. So a period of last week
 * costs the week's traffic, not the years before it.
 */
final class Occupancy {
    static final Map<String, String> SESSION_COLUMNS = Map.of("zone", "ZONE_CODE", "gate", "GATE", "vehicleType", "VEHICLE_TYPE");
    private static final Map<String, String> LOT_COLUMNS = Map.of("zone", "ZONE_CODE", "vehicleType", "VEHICLE_TYPE");

    private Occupancy() {
    }

    static long insideAt(EntityManager em, long at, long now, ReportFilters filters) {
        Object first = em.createNativeQuery("SELECT MIN(ENTRY_AT) FROM PARKIR_SESSION").getSingleResult();
        if (first == null || ((Number) first).longValue() >= at) {
            return 0;
        }
        // the lot table knows no gate: by gate, count from the start of the history
        boolean fromStart = filters.has("gate") || at - ((Number) first).longValue() <= now - at;
        String cmp = fromStart ? "<" : ">=";
        long entries = count(em, "ENTRY_AT", cmp, at, filters);
        long exits = count(em, "EXIT_AT", cmp, at, filters);
        if (fromStart) {
            return entries - exits;
        }
        List<Object> params = new ArrayList<>();
        String where = filters.where(LOT_COLUMNS, params);
        long inside = ReportSql.count(em, "SELECT COUNT(*) FROM PARKIR_INSIDE WHERE 1 = 1" + where, params);
        return inside - entries + exits;
    }

    private static long count(EntityManager em, String column, String cmp, long at, ReportFilters filters) {
        List<Object> params = new ArrayList<>(List.of(at));
        String where = filters.where(SESSION_COLUMNS, params);
        return ReportSql.count(em, "SELECT COUNT(*) FROM PARKIR_SESSION WHERE " + column + " " + cmp + " ?" + where, params);
    }
}
