package id.parkir.store.jpa.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The reports' statements (id.parkir.core's RevenueReport, TrafficReport, SessionsReport, ...) on
 * the V5 indexes, with Derby's runtime statistics over 40,000 stays: the sums are read from an
 * index alone (no row of the table), a page of sessions is one stretch of its index in order (no
 * sort, about a page of rows); PostgreSQL runs the same statements.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportIndexesTest {
    private static final Path DB = Paths.get("target", "migration-test", "reports").toAbsolutePath();
    private static final long T0 = 1_780_000_000_000L;
    private static final int STAYS = 40_000;
    private static final long END = T0 + STAYS * 60_000L;
    static final String REVENUE = "SELECT K, M, COUNT(*), SUM(TOTAL), SUM(FINE), SUM(OVERNIGHT_CHARGE), SUM(L), SUM(N)"
            + " FROM (SELECT (PAID_AT - " + T0 + ") / 86400000 AS K, METHOD AS M, TOTAL, FINE, OVERNIGHT_CHARGE,"
            + " CASE WHEN LOST_TICKET = 1 THEN 1 ELSE 0 END AS L, CASE WHEN NIGHTS > 0 THEN 1 ELSE 0 END AS N"
            + " FROM PARKIR_PAYMENT WHERE PAID_AT >= " + T0 + " AND PAID_AT < " + END + "%s) T GROUP BY K, M";
    static final String SESSIONS_PAGE = "SELECT ENTRY_AT, ID, TICKET, PLATE, VEHICLE_TYPE, ZONE_CODE, GATE, ENTRY_BY, EXIT_AT,"
            + " STATUS, LOST_TICKET, NIGHTS, FINE, OVERNIGHT_CHARGE, TOTAL, PAYMENT_METHOD, RECEIPT_NO, EXIT_BY"
            + " FROM PARKIR_SESSION --DERBY-PROPERTIES index=IX_SESSION_ENTRY_REPORT\n WHERE %s AND ENTRY_AT < " + END
            + " ORDER BY ENTRY_AT, ID FETCH FIRST 2000 ROWS ONLY";
    static final String ENTRIES_PER_MINUTE = "SELECT M, COUNT(*) FROM (SELECT (ENTRY_AT - " + T0 + ") / 60000 AS M FROM PARKIR_SESSION"
            + " WHERE ENTRY_AT >= " + T0 + " AND ENTRY_AT < " + END + "%s) T GROUP BY M";
    static final String STAYS_PER_DAY = "SELECT G, D, COUNT(*), SUM(S) FROM (SELECT (EXIT_AT - " + T0 + ") / 86400000 AS G,"
            + " (EXIT_AT - ENTRY_AT) / 60000 AS D, EXIT_AT - ENTRY_AT AS S FROM PARKIR_SESSION WHERE EXIT_AT >= " + T0
            + " AND EXIT_AT < " + END + "%s) T GROUP BY G, D";
    private Connection c;

    @BeforeAll
    void fill() throws Exception {
        delete(DB);
        Files.createDirectories(DB.getParent());
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(DB.toString());
        ds.setCreateDatabase("create");
        SchemaMigrations.migrate(ds);
        c = ds.getConnection();
        fill(c, "1");
        try (Statement s = c.createStatement()) {
            for (String t : new String[] {"PARKIR_SESSION", "PARKIR_PAYMENT"}) {
                s.execute("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('APP', '" + t + "', NULL)");
            }
        }
        c.commit();
    }

    /** A stay a minute, each paid an hour after it entered; every 100th a lost ticket, every 50th a night. */
    private static void fill(Connection c, String yes) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement session = c.prepareStatement("INSERT INTO PARKIR_SESSION (ID, TICKET, PLATE, VEHICLE_TYPE, ZONE_CODE,"
                + " GATE, STATUS, ENTRY_AT, EXIT_AT, EXIT_BY, LOST_TICKET, TOTAL, RECEIPT_NO, PAYMENT_METHOD, NIGHTS, FINE,"
                + " OVERNIGHT_CHARGE) VALUES (?, ?, ?, ?, 'A', ?, 'PAID', ?, ?, 'kasir1', " + (yes.equals("1") ? "?" : "CAST(? AS BOOLEAN)")
                + ", 5000, ?, 'cash', ?, ?, 0)");
             PreparedStatement payment = c.prepareStatement("INSERT INTO PARKIR_PAYMENT (ID, RECEIPT_NO, SESSION_ID, TICKET, PLATE,"
                     + " METHOD, TOTAL, PAID, CHANGE_GIVEN, PAID_AT, CASHIER, VEHICLE_TYPE, ZONE_CODE, GATE, LOST_TICKET, NIGHTS, FINE,"
                     + " OVERNIGHT_CHARGE) VALUES (?, ?, ?, ?, ?, ?, 5000, 5000, 0, ?, 'kasir1', ?, 'A', ?, "
                     + (yes.equals("1") ? "?" : "CAST(? AS BOOLEAN)") + ", ?, ?, 0)")) {
            for (int i = 0; i < STAYS; i++) {
                long entry = T0 + i * 60_000L;
                boolean lost = i % 100 == 0;
                String type = i % 2 == 0 ? "car" : "motorcycle";
                session.setLong(1, i + 1);
                session.setString(2, "T" + i);
                session.setString(3, "B" + i + "X");
                session.setString(4, type);
                session.setString(5, "G" + (i % 8));
                session.setLong(6, entry);
                session.setLong(7, entry + 3_600_000L);
                session.setInt(8, lost ? 1 : 0);
                session.setString(9, "R" + i);
                session.setInt(10, i % 50 == 0 ? 1 : 0);
                session.setLong(11, lost ? 50_000 : 0);
                session.addBatch();
                payment.setLong(1, i + 1);
                payment.setString(2, "R" + i);
                payment.setLong(3, i + 1);
                payment.setString(4, "T" + i);
                payment.setString(5, "B" + i + "X");
                payment.setString(6, i % 3 == 0 ? "qris" : "cash");
                payment.setLong(7, entry + 3_600_000L);
                payment.setString(8, type);
                payment.setString(9, "G" + (i % 8));
                payment.setInt(10, lost ? 1 : 0);
                payment.setInt(11, i % 50 == 0 ? 1 : 0);
                payment.setLong(12, lost ? 50_000 : 0);
                payment.addBatch();
                if (i % 5_000 == 4_999) {
                    session.executeBatch();
                    payment.executeBatch();
                }
            }
        }
        c.commit();
    }

    @AfterAll
    void close() throws SQLException {
        if (c != null) {
            c.rollback();
            c.close();
        }
    }

    @Test
    void revenueIsSummedFromItsIndexAlone() throws Exception {
        indexOnly(String.format(REVENUE, ""), "IX_PAYMENT_REPORT");
        indexOnly(String.format(REVENUE, " AND VEHICLE_TYPE = 'car' AND GATE = 'G3' AND CASHIER = 'kasir1'"), "IX_PAYMENT_REPORT");
        // the dashboard's sums (V4) are served by the same index
        indexOnly("SELECT METHOD, COUNT(*), SUM(TOTAL) FROM PARKIR_PAYMENT WHERE PAID_AT >= " + T0 + " AND PAID_AT < " + END
                + " GROUP BY METHOD ORDER BY METHOD", "IX_PAYMENT_REPORT");
    }

    @Test
    void trafficIsCountedFromItsIndexesAlone() throws Exception {
        indexOnly(String.format(ENTRIES_PER_MINUTE, " AND ZONE_CODE = 'A' AND VEHICLE_TYPE = 'car'"), "IX_SESSION_ENTRY_REPORT");
        indexOnly(String.format(STAYS_PER_DAY, " AND GATE = 'G2'"), "IX_SESSION_EXIT_REPORT");
    }

    @Test
    void aPageOfSessionsIsAStretchOfItsIndexInOrder() throws Exception {
        long last = T0 + 20_000 * 60_000L;
        String plan = plan(String.format(SESSIONS_PAGE, "ENTRY_AT >= " + last + " AND (ENTRY_AT > " + last + " OR ID > 20001)"));
        assertTrue(plan.contains("using index IX_SESSION_ENTRY_REPORT"), plan);
        assertFalse(plan.contains("Sort ResultSet"), "read in index order, never sorted: " + plan);
        assertFalse(plan.matches("(?s).*Number of rows visited=(\\d{5,}).*"), "about a page of rows, not the period: " + plan);
    }

    @Test
    void postgresqlRunsTheSameStatementsOnItsIndexes() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            DataSource postgres = pg.getPostgresDatabase();
            SchemaMigrations.migrate(postgres);
            try (Connection p = postgres.getConnection()) {
                fill(p, "TRUE");
                try (Statement s = p.createStatement()) {
                    s.execute("ANALYZE");
                    String revenue = String.format(REVENUE, "").replace("LOST_TICKET = 1", "LOST_TICKET = TRUE");
                    for (String sql : new String[] {revenue, String.format(SESSIONS_PAGE, "ENTRY_AT >= " + T0),
                        String.format(ENTRIES_PER_MINUTE, ""), String.format(STAYS_PER_DAY, "")}) {
                        try (ResultSet r = s.executeQuery(sql)) {
                            assertTrue(r.next(), sql);
                        }
                    }
                    String plan = explain(s, String.format(SESSIONS_PAGE, "ENTRY_AT >= " + T0));
                    assertTrue(plan.contains("ix_session_entry_report"), plan);
                    assertFalse(plan.contains("Sort"), plan);
                }
            }
        }
    }

    private static String explain(Statement s, String sql) throws SQLException {
        StringBuilder text = new StringBuilder();
        try (ResultSet plan = s.executeQuery("EXPLAIN " + sql)) {
            while (plan.next()) {
                text.append(plan.getString(1)).append('\n');
            }
        }
        return text.toString();
    }

    private void indexOnly(String sql, String index) throws Exception {
        String plan = plan(sql);
        assertTrue(plan.contains("using index " + index), plan);
        assertFalse(plan.contains("Index Row to Base Row"), "from the index alone, no row of the table: " + plan);
    }

    private String plan(String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(1)");
            try (ResultSet r = s.executeQuery(sql)) {
                while (r.next()) {
                    // read every row
                }
            }
            try (ResultSet r = s.executeQuery("VALUES SYSCS_UTIL.SYSCS_GET_RUNTIMESTATISTICS()")) {
                r.next();
                return r.getString(1);
            } finally {
                s.execute("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(0)");
            }
        }
    }

    private static void delete(Path root) throws java.io.IOException {
        if (Files.exists(root)) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
