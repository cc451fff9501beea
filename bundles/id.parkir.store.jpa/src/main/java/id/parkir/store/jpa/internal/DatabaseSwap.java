package id.parkir.store.jpa.internal;

import id.parkir.api.ParkirException;
import id.parkir.store.jpa.DatabaseMaintenance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One replacement of the live Derby database by a copy, with nothing else using it (the store's
 * gate is closed and its factory closed): the live database is saved first, then swapped for the
 * copy, which is checked before anything else runs on it; a failed swap or check puts the saved
 * database back. The pool's connections to the old database are dropped afterwards (they died with
 * it; the pool would also find that out by itself when it next hands one out).
 */
final class DatabaseSwap {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseSwap.class);

    private final DerbyFiles derby;
    private final DataSource pool;

    DatabaseSwap(DerbyFiles derby, DataSource pool) {
        this.derby = derby;
        this.pool = pool;
    }

    <T> T swap(Path copy, Path safetyFolder, DatabaseMaintenance.SqlWork<T> check) {
        Path saved;
        String mark;
        try {
            saved = derby.backup(safetyFolder);
            mark = derby.mark();
        } catch (SQLException e) {
            throw new IllegalStateException("the live database could not be saved before the restore; nothing was changed: "
                    + e.getMessage(), e);
        }
        try {
            T checked;
            try (Connection c = derby.swap(copy, mark)) {
                checked = check.apply(c);
            }
            evictPool();
            deleteQuietly(safetyFolder);
            return checked;
        } catch (SQLException | RuntimeException e) {
            LOG.error("The restored database failed ({}); putting the previous database back", e.toString(), e);
            putBack(saved);
            evictPool();
            deleteQuietly(safetyFolder);
            String why = e instanceof ParkirException ? e.getMessage() : "the database could not be replaced (" + e.getMessage() + ")";
            throw ParkirException.conflict("restore_failed", why + "; the previous data was put back and the server works on it");
        }
    }

    private void putBack(Path saved) {
        try {
            String mark;
            try {
                mark = derby.mark();
            } catch (SQLException unreadable) {
                mark = "none"; // what is there cannot even be opened: nothing can boot it in between either
            }
            derby.swap(saved, mark).close();
        } catch (SQLException e) {
            LOG.error("THE PREVIOUS DATABASE COULD NOT BE PUT BACK: it is kept in {}; stop the server and restore it by"
                    + " hand (see README, Backup and restore)", saved, e);
            throw new IllegalStateException("the restore failed and the previous database could not be put back; it is kept in "
                    + saved, e);
        }
    }

    /** Drops the pool's idle connections (HikariCP's soft eviction), if the pool is HikariCP; otherwise they fail their check. */
    private void evictPool() {
        try {
            Object mxBean = pool.getClass().getMethod("getHikariPoolMXBean").invoke(pool);
            if (mxBean != null) {
                mxBean.getClass().getMethod("softEvictConnections").invoke(mxBean);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("Pool connections not evicted ({}); they are checked when next used", e.toString());
        }
    }

    static void deleteQuietly(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", root, e.toString());
        }
    }
}
