package id.parkir.store.jpa.internal;

import id.parkir.store.jpa.StoreConflict;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.persistence.OptimisticLockException;

/** Reads what a database error means, the same for Derby and PostgreSQL. */
final class SqlErrors {
    // Derby: "... identified by 'UQ_X' defined on 'T'"; PostgreSQL: "... constraint "uq_x"".
    private static final Pattern CONSTRAINT = Pattern.compile("identified by '([^']+)'|constraint \"([^\"]+)\"");

    private SqlErrors() {
    }

    /** A deadlock, lock time-out or serialisation failure: running the transaction again may succeed. */
    static boolean isTransient(Throwable t) {
        String state = sqlState(t);
        return state != null && (state.equals("40001") || state.equals("40P01") || state.equals("40XL1") || state.equals("40XL2"));
    }

    /** The conflict the database reported somewhere in the causes of {@code t}, if any. */
    static Optional<StoreConflict> conflict(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof OptimisticLockException) {
                return Optional.of(new StoreConflict(StoreConflict.Kind.STALE, null, t));
            }
            if (c instanceof SQLException sql && sql.getSQLState() != null) {
                StoreConflict.Kind kind = switch (sql.getSQLState()) {
                    case "23505" -> StoreConflict.Kind.UNIQUE;
                    case "23503" -> StoreConflict.Kind.FOREIGN_KEY;
                    case "23513", "23514" -> StoreConflict.Kind.CHECK;
                    default -> null;
                };
                if (kind != null) {
                    String name = postgresConstraint(sql);
                    return Optional.of(new StoreConflict(kind, name != null ? name : constraintName(sql.getMessage()), t));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * PostgreSQL's own field for the constraint (its messages follow the server's language, so
     * the text may not name it the English way); read reflectively: the driver is optional here.
     */
    private static String postgresConstraint(SQLException sql) {
        try {
            Object server = sql.getClass().getMethod("getServerErrorMessage").invoke(sql);
            return server == null ? null : (String) server.getClass().getMethod("getConstraint").invoke(server);
        } catch (ReflectiveOperationException | RuntimeException notPostgres) {
            return null;
        }
    }

    /** A connection could not be had in time (the pool is exhausted or the database unreachable). */
    static boolean isUnavailable(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof java.sql.SQLTransientConnectionException
                    || c instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    static String constraintName(String message) {
        if (message == null) {
            return null;
        }
        Matcher m = CONSTRAINT.matcher(message);
        return m.find() ? (m.group(1) != null ? m.group(1) : m.group(2)) : null;
    }

    private static String sqlState(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
