package id.parkir.store.jpa;

import java.util.function.Function;
import javax.persistence.EntityManager;

/**
 * The database of the whole server (one persistence unit; embedded Derby by default, PostgreSQL
 * for several servers). Work runs in a resource-local transaction: {@link #write} commits before
 * it returns (the database syncs its log on commit, so what it returned survives a kill -9) and
 * rolls back everything on any exception. A deadlock or serialisation failure re-runs the work
 * (so it must not have effects outside the database); a violated constraint or a stale version
 * is thrown as {@link StoreConflict}.
 */
public interface ParkirStore {
    <T> T write(Function<EntityManager, T> work);

    <T> T read(Function<EntityManager, T> work);

    /**
     * Changes whenever the database was replaced under the running server (a restore): what a
     * component keeps from the database (e.g. settled statistics) is stale once it changed.
     */
    default long generation() {
        return 0;
    }
}
