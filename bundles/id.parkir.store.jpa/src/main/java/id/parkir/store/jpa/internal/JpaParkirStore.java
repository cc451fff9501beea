package id.parkir.store.jpa.internal;

import id.parkir.api.ParkirException;
import id.parkir.store.jpa.DatabaseMaintenance;
import id.parkir.store.jpa.ParkirStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
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
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.jpa.EntityManagerFactoryBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ParkirStore} on the "parkir" persistence unit. The connection pool is the DataSource
 * {@code parkir} that pax-jdbc-config makes from {@code etc/org.ops4j.datasource-parkir.cfg}
 * (Derby or PostgreSQL). The schema is migrated first; only then is the EntityManagerFactory made.
 * Every read and write passes a {@link StoreGate}, which a restore closes while it replaces the
 * database ({@link DatabaseMaintenance}, embedded Derby only); the factory is then made anew.
 */
@Component(service = {ParkirStore.class, DatabaseMaintenance.class})
public class JpaParkirStore implements ParkirStore, DatabaseMaintenance {
    private static final Logger LOG = LoggerFactory.getLogger(JpaParkirStore.class);
    private static final int ATTEMPTS = 5;

    private final DataSource dataSource;
    private final EntityManagerFactoryBuilder builder;
    private final StoreGate gate = new StoreGate();
    private final String product;
    private final String databaseName;
    private volatile EntityManagerFactory emf;
    private volatile String schemaVersion;
    private volatile long generation;

    /** Embedded Derby's own driver (pax-jdbc-derby), for its backups and restores; absent on PostgreSQL-only installs. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = "(osgi.jdbc.driver.class=org.apache.derby.jdbc.EmbeddedDriver)")
    private volatile DataSourceFactory derbyDrivers;

    @Activate
    public JpaParkirStore(@Reference(target = "(dataSourceName=parkir)") DataSource dataSource,
                          @Reference(target = "(osgi.unit.name=parkir)") EntityManagerFactoryBuilder builder) {
        this.dataSource = dataSource;
        this.builder = builder;
        this.schemaVersion = SchemaMigrations.version(SchemaMigrations.migrate(dataSource));
        String[] kind = describe(dataSource);
        this.product = kind[0];
        this.databaseName = kind[1];
        this.emf = open();
        LOG.info("Parkir store ready");
    }

    private EntityManagerFactory open() {
        EntityManagerFactory made = builder.createEntityManagerFactory(Map.of("javax.persistence.nonJtaDataSource", dataSource));
        EntityManager em = made.createEntityManager();
        try {
            em.createQuery("SELECT COUNT(z) FROM ZoneEntity z").getSingleResult();
        } finally {
            em.close();
        }
        return made;
    }

    /** The database's kind (derby, postgresql ...) and, for Derby, its name (the folder under derby.system.home). */
    private static String[] describe(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            String p = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            String kind = p.contains("derby") ? "derby" : p.contains("postgres") ? "postgresql" : p;
            return new String[] {kind, "derby".equals(kind) ? DerbyFiles.nameOf(c.getMetaData().getURL()) : null};
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database: " + e.getMessage(), e);
        }
    }

    @Deactivate
    void close() {
        emf.close();
    }

    @Override
    public <T> T write(Function<EntityManager, T> work) {
        gate.enter();
        try {
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
        } finally {
            gate.exit();
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
        gate.enter();
        try {
            EntityManager em = emf.createEntityManager();
            try {
                return work.apply(em);
            } catch (RuntimeException e) {
                throw translate(e);
            } finally {
                em.close();
            }
        } finally {
            gate.exit();
        }
    }

    @Override
    public long generation() {
        return generation;
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

    // ---- DatabaseMaintenance ----------------------------------------------------------------

    @Override
    public String product() {
        return product;
    }

    @Override
    public String databaseName() {
        return databaseName;
    }

    @Override
    public String schemaVersion() {
        return schemaVersion;
    }

    private DerbyFiles derby() {
        DataSourceFactory factory = derbyDrivers;
        if (!fileBackups()) {
            throw ParkirException.conflict("backup_unsupported", "the database is " + product + ": Parkir backs up embedded"
                    + " Derby only (back up PostgreSQL with pg_dump)");
        }
        if (factory == null) {
            throw ParkirException.unavailable("backup_unavailable", "Derby's driver (pax-jdbc-derby) is not started: try again"
                    + " in a moment");
        }
        try {
            return new DerbyFiles(factory.createDriver(null), databaseName);
        } catch (SQLException e) {
            throw new IllegalStateException("Derby's driver is not available: " + e.getMessage(), e);
        }
    }

    @Override
    public Path backupOnline(Path folder) {
        DerbyFiles derby = derby();
        gate.enter();
        try {
            return derby.backup(folder);
        } catch (SQLException e) {
            throw new IllegalStateException("the database could not be copied: " + e.getMessage(), e);
        } finally {
            gate.exit();
        }
    }

    @Override
    public <T> T inspect(Path copy, SqlWork<T> work) {
        try {
            return derby().inspect(copy, work);
        } catch (SQLException e) {
            throw new IllegalStateException("the database copy " + copy + " cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public <T> Replaced<T> replace(Path copy, Path safetyFolder, Duration drain, SqlWork<T> check) {
        DerbyFiles derby = derby();
        if (!copy.getFileName().toString().equals(Path.of(databaseName).getFileName().toString())) {
            throw new IllegalArgumentException("a copy to restore must be named " + databaseName + ": " + copy);
        }
        try {
            if (!gate.close(drain)) {
                LOG.warn("Restore refused: {} database calls still running after {}", gate.inside(), drain);
                throw ParkirException.conflict("restore_busy", "work on the database did not finish within " + drain.toSeconds()
                        + " s; nothing was changed: try again when the gates are quieter");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            gate.open();
            throw ParkirException.conflict("restore_busy", "interrupted while waiting for the database's work to finish");
        }
        long closedAt = System.nanoTime();
        try {
            emf.close();
            T checked = new DatabaseSwap(derby, dataSource).swap(copy, safetyFolder, check);
            return new Replaced<>(checked, (System.nanoTime() - closedAt) / 1_000_000);
        } finally {
            reopen();
            gate.open();
            LOG.info("Database reopened after {} ms", (System.nanoTime() - closedAt) / 1_000_000);
        }
    }

    /** After a swap (or a swap undone): the schema brought up to date, a new factory, caches told. */
    private void reopen() {
        generation++;
        try {
            schemaVersion = SchemaMigrations.version(SchemaMigrations.migrate(dataSource));
            emf = open();
        } catch (RuntimeException e) {
            LOG.error("The database could not be reopened after a restore; the server needs attention", e);
            throw e;
        }
    }
}
