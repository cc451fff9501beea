package id.parkir.store.jpa;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * What backups need of the database beside the transactions of {@link ParkirStore}: its kind, an
 * online copy of it, a copy opened on its own, and the live database replaced by a copy. Only
 * embedded Derby is backed up by its files ({@link #fileBackups()}); a PostgreSQL site uses pg_dump.
 */
public interface DatabaseMaintenance {
    /** {@code derby}, {@code postgresql}, or the database's product name in lower case. */
    String product();

    /** True when the database can be copied and replaced by its files here (embedded Derby). */
    default boolean fileBackups() {
        return "derby".equals(product());
    }

    /** The name of the live database's folder (e.g. {@code parkir}); a copy to restore must carry it. */
    String databaseName();

    /** The schema version the migrations brought the live database to (e.g. {@code 4}). */
    String schemaVersion();

    /**
     * Copies the live database into {@code folder} (absolute, not existing yet) while the gates keep
     * working (Derby's online backup); answers the copy, {@code folder/<databaseName>}.
     */
    Path backupOnline(Path folder);

    /** Opens a database copy (a folder with a Derby database) by itself, runs {@code work} on it and shuts it down. */
    <T> T inspect(Path copy, SqlWork<T> work);

    /**
     * Replaces the live database by {@code copy} (a folder named {@link #databaseName()}): from now on
     * every read and write is refused with {@code 503 restore_in_progress}; what is running may finish
     * within {@code drain} (else {@code 409 restore_busy} and nothing changed); the live database is
     * copied into {@code safetyFolder}, shut down and replaced; {@code check} runs on the replaced
     * database before anything else may; if the replacement or the check fails, the saved database is
     * put back ({@code 409 restore_failed}). Either way the database is migrated and reopened, caches
     * built on the old one are dropped ({@link ParkirStore#generation()} changes) and work is accepted
     * again. Answers what {@code check} answered.
     */
    <T> Replaced<T> replace(Path copy, Path safetyFolder, Duration drain, SqlWork<T> check);

    /** What {@code check} answered, and how long the database refused work. */
    record Replaced<T>(T checked, long offlineMillis) {
    }

    /** Work on a plain JDBC connection. */
    @FunctionalInterface
    interface SqlWork<T> {
        T apply(Connection connection) throws SQLException;
    }
}
