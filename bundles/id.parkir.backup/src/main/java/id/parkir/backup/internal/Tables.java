package id.parkir.backup.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** A database's tables counted row by row, and the schema version its migrations left it at. */
final class Tables {
    static final String HISTORY = "flyway_schema_history";

    /** Rows per table and the schema version of one database. */
    record Snapshot(Map<String, Long> counts, String schemaVersion) {
    }

    private Tables() {
    }

    static Snapshot snapshot(Connection c) throws SQLException {
        return new Snapshot(counts(c), schemaVersion(c));
    }

    /** Rows of every user table (system tables aside), by table name. */
    static Map<String, Long> counts(Connection c) throws SQLException {
        List<String[]> tables = new ArrayList<>();
        DatabaseMetaData meta = c.getMetaData();
        try (ResultSet r = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
            while (r.next()) {
                String schema = r.getString("TABLE_SCHEM");
                if (schema == null || !schema.toUpperCase(Locale.ROOT).startsWith("SYS")) {
                    tables.add(new String[] {schema, r.getString("TABLE_NAME")});
                }
            }
        }
        Map<String, Long> counts = new TreeMap<>();
        try (Statement s = c.createStatement()) {
            for (String[] t : tables) {
                String table = quote(t[1]);
                try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + (t[0] == null ? "" : quote(t[0]) + ".") + table)) {
                    r.next();
                    counts.merge(t[1], r.getLong(1), Long::sum);
                }
            }
        }
        return counts;
    }

    /** The highest version the migrations applied successfully ("0" for a database without their history). */
    static String schemaVersion(Connection c) throws SQLException {
        String best = "0";
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT \"version\", \"success\" FROM \"" + HISTORY + "\"")) {
            while (r.next()) {
                String v = r.getString(1);
                if (v != null && r.getBoolean(2) && v.matches("\\d{1,6}(\\.\\d{1,6}){0,3}") && Manifest.compareVersions(v, best) > 0) {
                    best = v;
                }
            }
        } catch (SQLException noHistory) {
            if (!"42X05".equals(noHistory.getSQLState())) { // Derby: table does not exist
                throw noHistory;
            }
        }
        return best;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
