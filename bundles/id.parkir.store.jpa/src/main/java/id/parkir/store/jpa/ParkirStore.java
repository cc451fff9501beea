package id.parkir.store.jpa;

import java.util.function.Function;
import javax.persistence.EntityManager;

/**
 * The database of the whole server (one persistence unit, embedded Derby by default). Work runs
 * in a resource-local transaction: {@link #write} commits before it returns (Derby syncs its log
 * on commit, so what it returned survives a kill -9), and rolls back everything on any exception.
 */
public interface ParkirStore {
    <T> T write(Function<EntityManager, T> work);

    <T> T read(Function<EntityManager, T> work);
}
