package id.parkir.store.jpa.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

/**
 * The migrations on real databases: a new Derby database, the Derby database Parkir 0.1.0 made
 * (src/test/resources/parkir-0.1.0-derby.zip: made by the 0.1.0 server with users, zones, a
 * closed and an open shift, two paid stays and three vehicles inside) and a new PostgreSQL
 * (started here from Maven Central's binaries). The upgraded database must have exactly the
 * schema of a new one, and keep its data.
 */
class SchemaMigrationsTest {
    private static final Path WORK = Paths.get("target", "migration-test").toAbsolutePath();
    /** The versions of the shipped scripts (V<n>__*.sql), so that the checks follow every new migration. */
    private static final List<Integer> VERSIONS = versions();
    private static final String LATEST = Integer.toString(VERSIONS.get(VERSIONS.size() - 1));

    @Test
    void aNewDerbyDatabaseGetsEveryMigration() throws Exception {
        DataSource fresh = derby("fresh", true);
        MigrateResult result = SchemaMigrations.migrate(fresh);
        assertEquals(VERSIONS.size(), result.migrationsExecuted);
        assertEquals(LATEST, result.targetSchemaVersion);
        assertEquals(0, SchemaMigrations.migrate(fresh).migrationsExecuted, "a second start changes nothing");
    }

    @Test
    void theDatabaseOfRelease010IsUpgradedToTheSchemaOfANewOneWithItsData() throws Exception {
        DataSource old = derby("old", false);
        MigrateResult result = SchemaMigrations.migrate(old);
        assertEquals(VERSIONS.size() - 1, result.migrationsExecuted, "0.1.0 is recorded as version 1 and migrated on");
        assertEquals(schema(migrated(derby("reference", true)), true), schema(old, true));
        try (Connection c = old.getConnection(); Statement s = c.createStatement()) {
            List<String> history = new ArrayList<>(List.of("1|BASELINE"));
            VERSIONS.stream().skip(1).forEach(v -> history.add(v + "|SQL"));
            assertEquals(history, rows(s, "SELECT \"version\", \"type\" FROM \"flyway_schema_history\""
                    + " ORDER BY \"installed_rank\""));
            assertEquals(List.of("AB12CD|A|motorcycle", "F4321GH|A|car", "L777AB|A|car"),
                    rows(s, "SELECT PLATE, ZONE_CODE, VEHICLE_TYPE FROM PARKIR_INSIDE ORDER BY PLATE"));
            assertEquals(List.of("A|car|150|2", "A|motorcycle|300|1", "B|car|200|0", "B|motorcycle|50|0"),
                    rows(s, "SELECT ZONE_CODE, VEHICLE_TYPE, CAPACITY, INSIDE FROM PARKIR_ZONE_SLOTS"
                            + " WHERE VEHICLE_TYPE IN ('car', 'motorcycle') ORDER BY ZONE_CODE, VEHICLE_TYPE"));
            assertEquals(List.of("R261201|2"), rows(s, "SELECT SERIES, LAST_NUMBER FROM PARKIR_RECEIPT_SERIES"));
            assertEquals(List.of("1|null", "2|admin"), rows(s, "SELECT ID, OPEN_USERNAME FROM PARKIR_SHIFT ORDER BY ID"));
            assertEquals(List.of("5"), rows(s, "SELECT COUNT(*) FROM PARKIR_SESSION"));
            assertEquals(List.of("admin", "kasir1"), rows(s, "SELECT USERNAME FROM PARKIR_USER ORDER BY USERNAME"));
            // V5: the payments carry their stays' vehicle type, zone, gate and lost-ticket flag, the stays their method
            assertEquals(List.of("2|2"), rows(s, "SELECT COUNT(*), COUNT(P.VEHICLE_TYPE) FROM PARKIR_PAYMENT P"));
            assertEquals(List.of("0"), rows(s, "SELECT COUNT(*) FROM PARKIR_PAYMENT P JOIN PARKIR_SESSION S ON S.ID = P.SESSION_ID"
                    + " WHERE P.VEHICLE_TYPE <> S.VEHICLE_TYPE OR P.ZONE_CODE <> S.ZONE_CODE OR P.LOST_TICKET <> S.LOST_TICKET"
                    + " OR S.PAYMENT_METHOD IS NULL OR S.PAYMENT_METHOD <> P.METHOD"));
        }
    }

    @Test
    void postgresqlGetsTheSameTablesColumnsAndIndexes() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            DataSource postgres = pg.getPostgresDatabase();
            assertEquals(VERSIONS.size(), SchemaMigrations.migrate(postgres).migrationsExecuted);
            assertEquals(schema(migrated(derby("reference-pg", true)), false), schema(postgres, false));
        }
    }

    private static List<Integer> versions() {
        try (Stream<Path> scripts = Files.list(Paths.get("src/main/resources/id/parkir/store/jpa/migration"))) {
            List<Integer> versions = scripts.map(p -> p.getFileName().toString()).filter(n -> n.matches("V\\d+__.+\\.sql"))
                    .map(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).sorted().toList();
            assertEquals(1, versions.get(0));
            for (int i = 0; i < versions.size(); i++) {
                assertEquals(i + 1, versions.get(i), "migrations are numbered 1, 2, 3 ... without a gap: " + versions);
            }
            return versions;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static DataSource migrated(DataSource ds) {
        SchemaMigrations.migrate(ds);
        return ds;
    }

    /** Tables with their columns (and, where the type names are comparable, types and nullability) and indexes. */
    private static Map<String, Object> schema(DataSource ds, boolean withTypes) throws SQLException {
        Map<String, Object> schema = new TreeMap<>();
        try (Connection c = ds.getConnection()) {
            DatabaseMetaData md = c.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet t = md.getTables(null, null, "%", new String[] {"TABLE"})) {
                while (t.next()) {
                    String name = t.getString("TABLE_NAME");
                    if (name.toUpperCase(Locale.ROOT).startsWith("PARKIR_")) {
                        tables.add(name);
                    }
                }
            }
            for (String table : tables) {
                TreeSet<String> columns = new TreeSet<>();
                try (ResultSet col = md.getColumns(null, null, table, "%")) {
                    while (col.next()) {
                        columns.add(col.getString("COLUMN_NAME").toUpperCase(Locale.ROOT) + (withTypes
                                ? " " + col.getString("TYPE_NAME") + "(" + col.getInt("COLUMN_SIZE") + ") "
                                + col.getString("IS_NULLABLE") : ""));
                    }
                }
                Map<String, String> indexes = new TreeMap<>();
                try (ResultSet ix = md.getIndexInfo(null, null, table, false, false)) {
                    while (ix.next()) {
                        if (ix.getString("COLUMN_NAME") == null) {
                            continue;
                        }
                        // generated names differ (0.1.0's keys were named by Derby): compare by what they index
                        String key = (ix.getBoolean("NON_UNIQUE") ? "index" : "unique") + " #" + ix.getString("INDEX_NAME")
                                .toUpperCase(Locale.ROOT);
                        indexes.merge(key, ix.getString("COLUMN_NAME").toUpperCase(Locale.ROOT), (a, b) -> a + "," + b);
                    }
                }
                TreeSet<String> described = new TreeSet<>();
                if (withTypes) {
                    indexes.forEach((k, cols) -> described.add(k.substring(0, k.indexOf(" #")) + "(" + cols + ")"));
                } else {
                    // across databases: what is indexed. Derby reports a unique key on a nullable column as
                    // a plain index and adds an index of its own for each foreign key (a prefix of another here).
                    indexes.values().stream().filter(cols -> indexes.values().stream()
                            .noneMatch(other -> other.length() > cols.length() && other.startsWith(cols + ",")))
                            .forEach(described::add);
                }
                schema.put(table.toUpperCase(Locale.ROOT), List.of(columns, described));
            }
        }
        return schema;
    }

    private static List<String> rows(Statement s, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet r = s.executeQuery(sql)) {
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(i > 1 ? "|" : "").append(r.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    /** A Derby database in target/: new, or the one Parkir 0.1.0 made, unpacked afresh. */
    private static DataSource derby(String name, boolean create) throws IOException {
        Path folder = WORK.resolve(name);
        delete(folder);
        Files.createDirectories(folder);
        if (!create) {
            try (InputStream in = SchemaMigrationsTest.class.getResourceAsStream("/parkir-0.1.0-derby.zip");
                 ZipInputStream zip = new ZipInputStream(in)) {
                for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                    Path out = folder.resolve(e.getName()).normalize();
                    assertTrue(out.startsWith(folder));
                    if (e.isDirectory()) {
                        Files.createDirectories(out);
                    } else {
                        Files.createDirectories(out.getParent());
                        Files.copy(zip, out, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(folder.resolve("parkir").toString());
        if (create) {
            ds.setCreateDatabase("create");
        }
        return ds;
    }

    private static void delete(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
