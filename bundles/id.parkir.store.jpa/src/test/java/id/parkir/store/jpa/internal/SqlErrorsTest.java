package id.parkir.store.jpa.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.parkir.store.jpa.StoreConflict;
import java.sql.SQLException;
import javax.persistence.OptimisticLockException;
import javax.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

class SqlErrorsTest {
    @Test
    void derbyAndPostgresqlNameTheViolatedConstraint() {
        assertEquals("PK_INSIDE", SqlErrors.constraintName("The statement was aborted because it would have caused a duplicate"
                + " key value in a unique or primary key constraint or unique index identified by 'PK_INSIDE' defined on"
                + " 'PARKIR_INSIDE'."));
        assertEquals("uq_shift_open_username", SqlErrors.constraintName(
                "ERROR: duplicate key value violates unique constraint \"uq_shift_open_username\"\n  Detail: Key ..."));
        assertEquals(null, SqlErrors.constraintName("something else"));
    }

    @Test
    void aUniqueViolationDeepInTheCausesIsAConflictOfThatConstraint() {
        SQLException sql = new SQLException("duplicate key value violates unique constraint \"pk_inside\"", "23505");
        StoreConflict c = SqlErrors.conflict(new PersistenceException("flush failed", new RuntimeException(sql))).orElseThrow();
        assertEquals(StoreConflict.Kind.UNIQUE, c.kind());
        assertTrue(c.isUnique("PK_INSIDE"));
        assertFalse(c.isUnique("U_PRKRSSN_TICKET"));
    }

    @Test
    void staleVersionsForeignKeysAndChecksAreConflictsToo() {
        assertEquals(StoreConflict.Kind.STALE,
                SqlErrors.conflict(new PersistenceException(new OptimisticLockException("v"))).orElseThrow().kind());
        assertEquals(StoreConflict.Kind.FOREIGN_KEY,
                SqlErrors.conflict(new SQLException("fk", "23503")).orElseThrow().kind());
        assertEquals(StoreConflict.Kind.CHECK, SqlErrors.conflict(new SQLException("ck", "23513")).orElseThrow().kind());
        assertEquals(StoreConflict.Kind.CHECK, SqlErrors.conflict(new SQLException("ck", "23514")).orElseThrow().kind());
        assertTrue(SqlErrors.conflict(new SQLException("syntax", "42X01")).isEmpty());
    }

    @Test
    void noConnectionInTimeIsUnavailableNotAConflict() {
        assertTrue(SqlErrors.isUnavailable(new PersistenceException(new java.sql.SQLTransientConnectionException("pool timeout"))));
        assertTrue(SqlErrors.isUnavailable(new SQLException("connection refused", "08001")));
        assertFalse(SqlErrors.isUnavailable(new SQLException("duplicate", "23505")));
    }

    @Test
    void deadlocksAndLockTimeoutsAreWorthRunningAgain() {
        assertTrue(SqlErrors.isTransient(new PersistenceException(new SQLException("deadlock", "40001"))));
        assertTrue(SqlErrors.isTransient(new SQLException("pg deadlock", "40P01")));
        assertTrue(SqlErrors.isTransient(new SQLException("derby lock timeout", "40XL1")));
        assertFalse(SqlErrors.isTransient(new SQLException("duplicate", "23505")));
        assertFalse(SqlErrors.isTransient(new RuntimeException("no sql at all")));
    }
}
