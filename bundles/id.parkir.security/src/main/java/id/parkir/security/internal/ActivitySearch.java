package id.parkir.security.internal;

import id.parkir.api.ParkirException;
import id.parkir.api.parking.Page;
import id.parkir.api.security.ActivityEntry;
import id.parkir.api.security.ActivityLog;
import id.parkir.api.security.ActivityQuery;
import id.parkir.store.jpa.ParkirStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.persistence.EntityManager;
import javax.persistence.Query;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The admin's search of the activity log, whose cost does not grow with the years behind it: a
 * time range is a stretch of the time index, a user or an action a stretch of their own index
 * (each ordered newest first, so a page is read in index order and never sorted); the free text is
 * compared only within at most {@link ActivityFilters#TEXT_DAYS} days. Paging reaches the first
 * {@link #WINDOW} matches and the total is counted up to that many.
 */
@Component(service = ActivityLog.class)
public class ActivitySearch implements ActivityLog {
    static final int WINDOW = 10_000;
    /** The action drop-down lists at most this many names. */
    static final int MAX_ACTIONS = 200;

    private final ParkirStore store;

    @Activate
    public ActivitySearch(@Reference ParkirStore store) {
        this.store = store;
    }

    @Override
    public Page<ActivityEntry> search(ActivityQuery query) {
        ActivityFilters f = ActivityFilters.of(query, Instant.now());
        int size = f.size();
        int offset = f.page() * size;
        return store.read(em -> {
            List<ActivityEntry> items = new ArrayList<>();
            for (Object row : query(em, f, "SELECT AT_MILLIS, USERNAME, EVENT, DETAIL FROM " + f.table() + f.where()
                    + " ORDER BY AT_MILLIS DESC, ID DESC OFFSET " + offset + " ROWS FETCH NEXT " + size + " ROWS ONLY")
                    .getResultList()) {
                Object[] r = (Object[]) row;
                items.add(new ActivityEntry(Instant.ofEpochMilli(((Number) r[0]).longValue()), (String) r[1], (String) r[2],
                        (String) r[3]));
            }
            long total = items.size() < size && (offset == 0 || !items.isEmpty()) ? offset + items.size()
                    : ((Number) query(em, f, "SELECT COUNT(*) FROM (SELECT 1 AS X FROM " + f.table() + f.where()
                            + " FETCH FIRST " + (WINDOW + 1) + " ROWS ONLY) T").getSingleResult()).longValue();
            return new Page<>(items, Math.min(total, WINDOW), total <= WINDOW, f.page(), size);
        });
    }

    /**
     * The distinct actions, read as a loose index scan: each name is the first entry of the action
     * index after the one before, so the cost is the number of names, not of entries.
     */
    @Override
    public List<String> actions() {
        return store.read(em -> {
            List<String> names = new ArrayList<>();
            String after = "";
            while (names.size() < MAX_ACTIONS) {
                List<?> next = em.createNativeQuery("SELECT EVENT FROM PARKIR_ACTIVITY WHERE EVENT > ? ORDER BY EVENT"
                        + " FETCH FIRST 1 ROWS ONLY").setParameter(1, after).getResultList();
                if (next.isEmpty()) {
                    break;
                }
                after = (String) next.get(0);
                names.add(after);
            }
            return names;
        });
    }

    private static Query query(EntityManager em, ActivityFilters f, String sql) {
        Query q = em.createNativeQuery(sql);
        for (int i = 0; i < f.params().size(); i++) {
            q.setParameter(i + 1, f.params().get(i));
        }
        return q;
    }

    /** Paging as the session list pages: within the first {@link #WINDOW} matches. */
    static void checkPaging(int page, int size) {
        if (size < 1 || size > 500 || page < 0) {
            throw ParkirException.invalid("paging_invalid", "page must be >= 0 and size 1..500");
        }
        if ((long) page * size + size > WINDOW) {
            throw ParkirException.invalid("paging_invalid", "only the first " + WINDOW
                    + " matches can be paged through: narrow the search (from, to, user, action)");
        }
    }
}
