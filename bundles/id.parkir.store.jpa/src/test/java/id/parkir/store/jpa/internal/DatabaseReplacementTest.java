package id.parkir.store.jpa.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.parkir.api.ParkirException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.apache.derby.jdbc.EmbeddedDriver;
import org.junit.jupiter.api.Test;

/**
 * The pieces a restore stands on, on a real Derby database: the online copy, a copy opened by itself,
 * the live database swapped for a copy (and the swap's mark, which tells a swap that did not happen),
 * a failed check putting the previous database back, the gate that refuses work and waits for the
 * work inside, and the schema version the migrations report.
 */
class DatabaseReplacementTest {
    private static final Path WORK = Paths.get("target", "replacement-test").toAbsolutePath();

    private static DerbyFiles live(String name, int rows) throws Exception {
        Path dir = WORK.resolve(name);
        DatabaseSwap.deleteQuietly(dir);
        Files.createDirectories(dir);
        DerbyFiles derby = new DerbyFiles(new EmbeddedDriver(), dir.resolve("parkir").toString());
        try (Connection c = derby.connect(dir.resolve("parkir").toString(), ";create=true"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE T (ID INT PRIMARY KEY)");
            for (int i = 1; i <= rows; i++) {
                s.execute("INSERT INTO T VALUES (" + i + ")");
            }
        }
        return derby;
    }

    private static long count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM T")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static long count(DerbyFiles derby, String name) throws SQLException {
        try (Connection c = derby.connect(WORK.resolve(name).resolve("parkir").toString(), "")) {
            return count(c);
        }
    }

    private static void insert(DerbyFiles derby, String name, int id) throws SQLException {
        try (Connection c = derby.connect(WORK.resolve(name).resolve("parkir").toString(), ""); Statement s = c.createStatement()) {
            s.execute("INSERT INTO T VALUES (" + id + ")");
        }
    }

    @Test
    void theLiveDatabaseIsCopiedOnlineAndSwappedForTheCopy() throws Exception {
        DerbyFiles derby = live("swap", 3);
        Connection pooled = derby.connect(WORK.resolve("swap/parkir").toString(), ""); // as the pool holds one
        Path copy = derby.backup(WORK.resolve("swap/backup"));
        assertEquals("parkir", copy.getFileName().toString());
        assertEquals(3L, (long) derby.inspect(copy, DatabaseReplacementTest::count));
        insert(derby, "swap", 4);
        String mark = derby.mark();
        try (Connection c = derby.swap(copy, mark)) {
            assertEquals(3, count(c), "the copy's rows, not the fourth");
        }
        assertFalse(pooled.isValid(1), "connections to the replaced database are dead");
        assertEquals(3, count(derby, "swap"));
    }

    @Test
    void aSwapThatDidNotHappenIsToldByTheMark() throws Exception {
        DerbyFiles derby = live("mark", 2);
        String mark = derby.mark();
        // a copy taken after the mark carries it: as if the pool had opened the old database in between
        Path marked = derby.backup(WORK.resolve("mark/backup"));
        SQLException e = assertThrows(SQLException.class, () -> derby.swap(marked, mark));
        assertTrue(e.getMessage().contains("not replaced"), e.getMessage());
    }

    @Test
    void aFailedCheckPutsThePreviousDatabaseBack() throws Exception {
        DerbyFiles derby = live("rollback", 5);
        Path copy = derby.backup(WORK.resolve("rollback/backup"));
        insert(derby, "rollback", 6);
        EmbeddedDataSource pool = new EmbeddedDataSource();
        pool.setDatabaseName(WORK.resolve("rollback/parkir").toString());
        ParkirException e = assertThrows(ParkirException.class, () -> new DatabaseSwap(derby, pool)
                .swap(copy, WORK.resolve("rollback/previous"), c -> {
                    assertEquals(5, count(c));
                    throw ParkirException.conflict("restore_failed", "counts differ");
                }));
        assertEquals("restore_failed", e.code());
        assertTrue(e.getMessage().contains("previous data was put back"), e.getMessage());
        assertEquals(6, count(derby, "rollback"), "the six rows of before the restore");
        assertFalse(Files.exists(WORK.resolve("rollback/previous")), "the saved copy is removed once put back");
        // and a good check keeps the copy
        assertEquals(5L, (long) new DatabaseSwap(derby, pool).swap(copy, WORK.resolve("rollback/previous2"), DatabaseReplacementTest::count));
        assertEquals(5, count(derby, "rollback"));
    }

    @Test
    void theGateRefusesWorkWhileClosedAndWaitsForTheWorkInside() throws Exception {
        StoreGate gate = new StoreGate();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch inside = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<?> running = pool.submit(() -> {
                gate.enter();
                try {
                    gate.enter(); // nested work is part of it
                    gate.exit();
                    inside.countDown();
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    gate.exit();
                }
                return null;
            });
            assertTrue(inside.await(5, TimeUnit.SECONDS));
            assertFalse(gate.close(Duration.ofMillis(100)), "the work inside did not finish in time");
            gate.enter(); // open again after the time-out
            gate.exit();
            Future<Boolean> closing = pool.submit(() -> gate.close(Duration.ofSeconds(10)));
            Thread.sleep(100);
            assertFalse(closing.isDone(), "closing waits for the work inside");
            ParkirException refused = assertThrows(ParkirException.class, gate::enter);
            assertEquals("restore_in_progress", refused.code());
            assertEquals(503, refused.kind().httpStatus);
            release.countDown();
            assertTrue(closing.get(5, TimeUnit.SECONDS));
            running.get(5, TimeUnit.SECONDS);
            assertTrue(gate.isClosed());
            gate.open();
            gate.enter();
            gate.exit();
            assertEquals(0, gate.inside());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSchemaVersionIsKnownAlsoWhenNothingWasMigrated() throws Exception {
        Path dir = WORK.resolve("version");
        DatabaseSwap.deleteQuietly(dir);
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve("parkir").toString());
        ds.setCreateDatabase("create");
        String first = SchemaMigrations.version(SchemaMigrations.migrate(ds));
        assertEquals(first, SchemaMigrations.version(SchemaMigrations.migrate(ds)));
        assertTrue(Integer.parseInt(first) >= 4, first);
    }

    @Test
    void theDatabaseNameOfADerbyAddress() {
        assertEquals("parkir", DerbyFiles.nameOf("jdbc:derby:parkir;create=true"));
        assertEquals("/srv/db/parkir", DerbyFiles.nameOf("jdbc:derby:directory:/srv/db/parkir"));
    }
}
