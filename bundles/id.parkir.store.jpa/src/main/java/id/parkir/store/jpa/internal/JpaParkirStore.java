package id.parkir.store.jpa.internal;

import id.parkir.api.ParkirException;
import id.parkir.store.jpa.ParkirStore;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jpa.EntityManagerFactoryBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ParkirStore} on the "parkir" persistence unit. The connection pool is the DataSource
 * {@code parkir} that pax-jdbc-config makes from {@code etc/org.ops4j.datasource-parkir.cfg}
 * (Derby or PostgreSQL). The schema is migrated first; only then is the EntityManagerFactory made.
 */
@Component(service = ParkirStore.class)
public class JpaParkirStore implements ParkirStore {
    private static final Logger LOG = LoggerFactory.getLogger(JpaParkirStore.class);
    private static final int ATTEMPTS = 5;

    private final EntityManagerFactory emf;

    @Activate
    public JpaParkirStore(@Reference(target = "(dataSourceName=parkir)") DataSource dataSource,
                          @Reference(target = "(osgi.unit.name=parkir)") EntityManagerFactoryBuilder builder) {
        SchemaMigrations.migrate(dataSource);
        this.emf = builder.createEntityManagerFactory(Map.of("javax.persistence.nonJtaDataSource", dataSource));
        read(em -> em.createQuery("SELECT COUNT(z) FROM ZoneEntity z").getSingleResult());
        LOG.info("Parkir store ready");
    }

    @Deactivate
    void close() {
        emf.close();
    }

    @Override
    public <T> T write(Function<EntityManager, T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return writeOnce(work);
            } catch (RuntimeException e) {
                if (SqlErrors.isTransient(e)) {
                    if (attempt < ATTEMPTS) {
                        LOG.debug("Transaction failed ({}), attempt {} of {}", e.getMessage(), attempt, ATTEMPTS);
                        pause(attempt);
                        continue;
                    }
                    LOG.warn("Transaction failed {} times on locks: {}", ATTEMPTS, e.toString());
                    throw busy();
                }
                throw translate(e);
            }
        }
    }

    private <T> T writeOnce(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(em);
            tx.commit();
            return result;
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
            em.close();
        }
    }

    private static void pause(int attempt) {
        try {
            // random, growing back-off, so that two transactions that collided do not collide again
            Thread.sleep(1 + ThreadLocalRandom.current().nextLong(20L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public <T> T read(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            return work.apply(em);
        } catch (RuntimeException e) {
            throw translate(e);
        } finally {
            em.close();
        }
    }

    /** A database refusal as StoreConflict; no connection in time as 503; anything else unchanged. */
    private static RuntimeException translate(RuntimeException e) {
        if (SqlErrors.isUnavailable(e)) {
            LOG.warn("Database unavailable: {}", e.toString());
            return busy();
        }
        return SqlErrors.conflict(e).map(RuntimeException.class::cast).orElse(e);
    }

    private static ParkirException busy() {
        return ParkirException.unavailable("database_busy", "the database is busy or unreachable: try again in a moment");
    }
}
