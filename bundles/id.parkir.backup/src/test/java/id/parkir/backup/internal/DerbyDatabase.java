package id.parkir.backup.internal;

import id.parkir.store.jpa.DatabaseMaintenance;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/** A live Derby database for the tests, by absolute path, maintained as the store does it (without the gate). */
class DerbyDatabase implements DatabaseMaintenance {
    final Path live;

    DerbyDatabase(Path live) throws SQLException {
        this.live = live.toAbsolutePath();
        try (Connection c = connect(";create=true"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE PARKIR_SESSION (ID BIGINT NOT NULL PRIMARY KEY, TICKET VARCHAR(16) NOT NULL UNIQUE)");
            s.execute("CREATE TABLE PARKIR_PAYMENT (ID BIGINT NOT NULL PRIMARY KEY, RECEIPT_NO VARCHAR(24) NOT NULL)");
            s.execute("CREATE TABLE PARKIR_TOKEN (TOKEN_HASH VARCHAR(64) NOT NULL PRIMARY KEY)");
            s.execute("CREATE TABLE \"flyway_schema_history\" (\"installed_rank\" INT, \"version\" VARCHAR(50), \"success\" BOOLEAN)");
            s.execute("INSERT INTO \"flyway_schema_history\" VALUES (1, '1', TRUE), (2, '2', TRUE), (3, '4', TRUE), (4, '5', FALSE)");
        }
    }

    Connection connect(String attributes) throws SQLException {
        return DriverManager.getConnection("jdbc:derby:" + live + attributes);
    }

    void sql(String... statements) throws SQLException {
        try (Connection c = connect(""); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    long count(String table) throws SQLException {
        try (Connection c = connect(""); Statement s = c.createStatement(); var r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Override
    public String product() {
        return "derby";
    }

    @Override
    public String databaseName() {
        return live.toString();
    }

    @Override
    public String schemaVersion() {
        return "4";
    }

    @Override
    public Path backupOnline(Path folder) {
        try (Connection c = connect(""); CallableStatement call = c.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE_NOWAIT(?)")) {
            call.setString(1, folder.toAbsolutePath().toString());
            call.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return folder.resolve(live.getFileName().toString());
    }

    @Override
    public <T> T inspect(Path copy, SqlWork<T> work) {
        try {
            try (Connection c = DriverManager.getConnection("jdbc:derby:" + copy.toAbsolutePath())) {
                return work.apply(c);
            } finally {
                shutdown(copy.toAbsolutePath().toString());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public <T> Replaced<T> replace(Path copy, Path safetyFolder, Duration drain, SqlWork<T> check) {
        try {
            shutdown(live.toString());
            try (Connection c = DriverManager.getConnection("jdbc:derby:" + live + ";restoreFrom=" + copy.toAbsolutePath())) {
                return new Replaced<>(check.apply(c), 1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void shutdown(String database) {
        try {
            DriverManager.getConnection("jdbc:derby:" + database + ";shutdown=true").close();
        } catch (SQLException expected) {
            // 08006
        }
    }
}
