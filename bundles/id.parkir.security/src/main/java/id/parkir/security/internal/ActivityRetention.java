package id.parkir.security.internal;

import id.parkir.store.jpa.ParkirStore;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the activity log to its retention ({@code activity.retentionDays}): once at start and then
 * every 24 hours, lines older than that are deleted, oldest first, a batch per short transaction
 * (the AT_MILLIS index finds them), so gates writing their lines never wait long. This is the only
 * code that deletes log lines; nothing edits them.
 */
@Component(immediate = true, configurationPid = "id.parkir.security")
public class ActivityRetention {
    private static final Logger LOG = LoggerFactory.getLogger(ActivityRetention.class);
    static final int BATCH = 5_000;

    private final ParkirStore store;
    private final int days;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "parkir-activity-retention");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public ActivityRetention(@Reference ParkirStore store, SecurityConfig config) {
        this.store = store;
        this.days = config.activity_retentionDays();
        if (days > 0) {
            timer.scheduleWithFixedDelay(this::purgeQuietly, 1, TimeUnit.DAYS.toMinutes(1), TimeUnit.MINUTES);
        }
    }

    @Deactivate
    void stop() {
        timer.shutdownNow();
    }

    private void purgeQuietly() {
        try {
            long deleted = purge(System.currentTimeMillis() - Duration.ofDays(days).toMillis());
            if (deleted > 0) {
                LOG.info("Activity log retention ({} days): {} older lines deleted", days, deleted);
            }
        } catch (RuntimeException e) {
            LOG.warn("Activity log retention failed, tried again in 24 hours: {}", e.toString());
        }
    }

    /** Deletes the lines written before {@code cutoffMillis}; returns how many. */
    long purge(long cutoffMillis) {
        long total = 0;
        while (!Thread.currentThread().isInterrupted()) {
            int deleted = store.write(em -> {
                java.util.List<Long> ids = em.createQuery("SELECT a.id FROM ActivityEntity a WHERE a.at < :cut ORDER BY a.at",
                        Long.class).setParameter("cut", cutoffMillis).setMaxResults(BATCH).getResultList();
                return ids.isEmpty() ? 0 : em.createQuery("DELETE FROM ActivityEntity a WHERE a.id IN :ids")
                        .setParameter("ids", ids).executeUpdate();
            });
            total += deleted;
            if (deleted < BATCH) {
                return total;
            }
        }
        return total;
    }
}
