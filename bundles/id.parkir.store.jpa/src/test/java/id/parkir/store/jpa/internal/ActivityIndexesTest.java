package id.parkir.store.jpa.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
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
 * The activity log searches of the admin screen (id.parkir.security's ActivitySearch) read one
 * stretch of an index in the order of the list on Derby: no sort, and only the rows of the page
 * (runtime statistics of 20,000 entries); PostgreSQL runs the same statements on the same indexes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActivityIndexesTest {
    private static final Path DB = Paths.get("target", "migration-test", "activity").toAbsolutePath();
    private static final long T0 = 1_780_000_000_000L;
    /**
     * Derby's optimizer costs a query as if every row of the range were returned (it ignores FETCH
     * NEXT), so for a wide range it prefers a table scan and a sort: the search names its index in
     * a Derby property comment, which PostgreSQL reads as a comment (its planner counts the limit).
     */
    private static final String PAGE = "SELECT AT_MILLIS, USERNAME, EVENT, DETAIL FROM PARKIR_ACTIVITY"
            + " --DERBY-PROPERTIES index=%s\n WHERE %s ORDER BY AT_MILLIS DESC, ID DESC OFFSET 0 ROWS FETCH NEXT 50 ROWS ONLY";
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
        fill(c);
        try (Statement s = c.createStatement()) {
            s.execute("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('APP', 'PARKIR_ACTIVITY', NULL)");
        }
        c.commit();
    }

    private static void fill(Connection c) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO PARKIR_ACTIVITY (AT_MILLIS, USERNAME, EVENT, DETAIL) VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < 20_000; i++) {
                insert.setLong(1, T0 + i * 60_000L);
                insert.setString(2, "user" + (i % 40));
                insert.setString(3, new String[] {"LOGIN", "LOGIN_FAILED", "SHIFT_OPENED", "ZONE_SAVED"}[i % 4]);
                insert.setString(4, "via api (from 10.0.0." + (i % 250) + ")");
                insert.addBatch();
            }
            insert.executeBatch();
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
    void aTimeRangeIsReadFromTheTimeIndexNewestFirst() throws Exception {
        indexOrderOnly("IX_ACTIVITY_AT_DESC", "AT_MILLIS >= " + T0 + " AND AT_MILLIS < " + (T0 + 19_000 * 60_000L));
        indexOrderOnly("IX_ACTIVITY_AT_DESC", "1 = 1");
        indexOrderOnly("IX_ACTIVITY_AT_DESC", "AT_MILLIS >= " + T0 + " AND LOWER(DETAIL) LIKE '%10.0.0.1%' ESCAPE '!'");
    }

    @Test
    void aUserOrAnActionIsReadFromItsOwnIndex() throws Exception {
        indexOrderOnly("IX_ACTIVITY_USER_AT_DESC", "USERNAME = 'user7'");
        indexOrderOnly("IX_ACTIVITY_USER_AT_DESC", "USERNAME = 'user7' AND EVENT = 'LOGIN' AND AT_MILLIS >= " + T0);
        indexOrderOnly("IX_ACTIVITY_EVENT_AT_DESC", "EVENT = 'ZONE_SAVED' AND AT_MILLIS < " + (T0 + 10_000 * 60_000L));
    }

    @Test
    void theActionNamesAreOneIndexStepEach() throws Exception {
        String plan = plan("SELECT EVENT FROM PARKIR_ACTIVITY WHERE EVENT > 'LOGIN' ORDER BY EVENT FETCH FIRST 1 ROWS ONLY");
        assertTrue(plan.contains("IX_ACTIVITY_EVENT_AT_DESC"), plan);
        assertFalse(plan.contains("Sort ResultSet"), plan);
        assertTrue(plan.matches("(?s).*Number of rows visited=\\d{1,2}\\b.*"), "a handful of rows, not 20,000: " + plan);
    }

    /** PostgreSQL reads Derby's property as a comment, takes the parameters and plans by the limit itself. */
    @Test
    void postgresqlRunsTheSameStatementsOnItsIndexes() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            DataSource postgres = pg.getPostgresDatabase();
            SchemaMigrations.migrate(postgres);
            try (Connection p = postgres.getConnection()) {
                fill(p);
                try (Statement s = p.createStatement()) {
                    s.execute("ANALYZE PARKIR_ACTIVITY");
                }
                String sql = String.format(PAGE.replace("OFFSET 0 ROWS FETCH NEXT 50", "OFFSET ? ROWS FETCH NEXT ?"),
                        "IX_ACTIVITY_USER_AT_DESC", "USERNAME = ? AND AT_MILLIS >= ? AND LOWER(DETAIL) LIKE ? ESCAPE '!'");
                try (PreparedStatement q = p.prepareStatement(sql)) {
                    q.setString(1, "user7");
                    q.setLong(2, T0);
                    q.setString(3, "%10.0.0.!_%");
                    q.setInt(4, 0);
                    q.setInt(5, 50);
                    long last = Long.MAX_VALUE;
                    int rows = 0;
                    try (ResultSet r = q.executeQuery()) {
                        while (r.next()) {
                            assertTrue(r.getLong(1) < last, "newest first");
                            last = r.getLong(1);
                            rows++;
                        }
                    }
                    assertEquals(0, rows, "'_' is taken literally: no detail has '10.0.0._'");
                    q.setString(3, "%10.0.0.%");
                    try (ResultSet r = q.executeQuery()) {
                        rows = 0;
                        while (r.next()) {
                            rows++;
                        }
                    }
                    assertEquals(50, rows);
                }
                try (Statement s = p.createStatement();
                     ResultSet plan = s.executeQuery("EXPLAIN " + String.format(PAGE, "IX_ACTIVITY_AT_DESC", "AT_MILLIS >= " + T0))) {
                    StringBuilder text = new StringBuilder();
                    while (plan.next()) {
                        text.append(plan.getString(1)).append('\n');
                    }
                    assertTrue(text.toString().contains("Index Scan using ix_activity_at_desc"), text.toString());
                    assertFalse(text.toString().contains("Sort"), text.toString());
                }
            }
        }
    }

    private void indexOrderOnly(String index, String where) throws Exception {
        String plan = plan(String.format(PAGE, index, where));
        assertTrue(plan.contains("using index " + index), plan);
        assertFalse(plan.contains("Sort ResultSet"), "read in index order, never sorted: " + plan);
        assertFalse(plan.matches("(?s).*Number of rows visited=(\\d{4,}).*"), "only about a page of rows is read: " + plan);
    }

    private String plan(String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(1)");
            try (ResultSet r = s.executeQuery(sql)) {
                while (r.next()) {
                    // read the page
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
