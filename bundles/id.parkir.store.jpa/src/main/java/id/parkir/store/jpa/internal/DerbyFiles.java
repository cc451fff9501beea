package id.parkir.store.jpa.internal;

import id.parkir.store.jpa.DatabaseMaintenance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embedded Derby by its files, through its own driver (not the pool): the online backup, a copy
 * booted by itself, and the live database swapped for a copy with {@code restoreFrom}. A database is
 * addressed by its name under {@code derby.system.home} (the live one) or by an absolute path (a copy).
 *
 * <p>The swap: the live database is marked with a random database property, shut down, and booted
 * again with {@code restoreFrom=<copy>}, which Derby carries out under its own boot lock. Should the
 * pool have booted the old database again in between (Derby then connects to it and ignores
 * {@code restoreFrom} without a word), the mark is still there: the swap is repeated.
 */
final class DerbyFiles {
    private static final Logger LOG = LoggerFactory.getLogger(DerbyFiles.class);
    private static final String MARK = "parkir.restore.mark";
    private static final int SWAP_ATTEMPTS = 5;

    private final Driver driver;
    private final String name;

    DerbyFiles(Driver driver, String name) {
        this.driver = driver;
        this.name = name;
    }

    /** The database name of a Derby JDBC address ({@code jdbc:derby:parkir;create=true} is {@code parkir}). */
    static String nameOf(String url) {
        String rest = url.substring(url.indexOf("derby:") + 6);
        int semicolon = rest.indexOf(';');
        rest = semicolon < 0 ? rest : rest.substring(0, semicolon);
        return rest.startsWith("directory:") ? rest.substring(10) : rest;
    }

    Connection connect(String database, String attributes) throws SQLException {
        Connection c = driver.connect("jdbc:derby:" + database + attributes, new Properties());
        if (c == null) {
            throw new SQLException("the Derby driver refused jdbc:derby:" + database);
        }
        return c;
    }

    /** Derby's online backup of the live database into folder; answers folder/<last part of the name>. */
    Path backup(Path folder) throws SQLException {
        String target = checked(folder);
        try (Connection c = connect(name, "");
             CallableStatement call = c.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE_NOWAIT(?)")) {
            call.setString(1, target);
            call.execute();
        }
        return folder.resolve(Path.of(name).getFileName().toString());
    }

    /** Boots a copy on its own (absolute path), runs work, shuts the copy down again. */
    <T> T inspect(Path copy, DatabaseMaintenance.SqlWork<T> work) throws SQLException {
        String database = checked(copy);
        try {
            try (Connection c = connect(database, "")) {
                return work.apply(c);
            }
        } finally {
            shutdown(database);
        }
    }

    /** Marks the live database, so that a swap can tell whether it really took place. */
    String mark() throws SQLException {
        String mark = UUID.randomUUID().toString();
        try (Connection c = connect(name, "");
             CallableStatement call = c.prepareCall("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY(?, ?)")) {
            call.setString(1, MARK);
            call.setString(2, mark);
            call.execute();
        }
        return mark;
    }

    /**
     * Replaces the live database by a copy; answers a connection to the replaced database, on which
     * nothing else has run yet. {@code mark} is what {@link #mark} put on the database being replaced.
     */
    Connection swap(Path copy, String mark) throws SQLException {
        String from = checked(copy);
        if (!Files.isRegularFile(copy.resolve("service.properties"))) {
            throw new SQLException(copy + " holds no Derby database");
        }
        for (int attempt = 1; attempt <= SWAP_ATTEMPTS; attempt++) {
            shutdown(name);
            Connection c = connect(name, ";restoreFrom=" + from);
            if (!mark.equals(property(c, MARK))) {
                return c;
            }
            c.close();
            LOG.warn("The database was opened again before it could be replaced (attempt {} of {}): trying again", attempt,
                    SWAP_ATTEMPTS);
        }
        throw new SQLException("the live database kept being opened; it was not replaced");
    }

    void shutdown(String database) {
        try {
            connect(database, ";shutdown=true").close();
        } catch (SQLException expected) {
            // 08006: shut down; XJ004: was not booted. Anything else is for the log.
            if (!"08006".equals(expected.getSQLState()) && !"XJ004".equals(expected.getSQLState())) {
                LOG.warn("Shutting down Derby database {}: {} ({})", database, expected.getMessage(), expected.getSQLState());
            }
        }
    }

    private static String property(Connection c, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("VALUES SYSCS_UTIL.SYSCS_GET_DATABASE_PROPERTY(?)")) {
            s.setString(1, key);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    /** An absolute path Derby can take as a name or an attribute value. */
    private static String checked(Path p) throws SQLException {
        String s = p.toAbsolutePath().normalize().toString();
        if (s.indexOf(';') >= 0 || s.indexOf('\'') >= 0) {
            throw new SQLException("Derby cannot address a folder whose path holds ';' or a quote: " + s);
        }
        return s;
    }

}
