package id.parkir.core.internal;

import id.parkir.store.jpa.ParkirStore;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import javax.persistence.Persistence;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.flywaydb.core.Flyway;

/**
 * A {@link ParkirStore} on a new embedded Derby database in target/, with the store bundle's
 * migrations and persistence unit, as the server has it (without OSGi, the pool and the retries).
 */
final class DerbyStore implements ParkirStore, AutoCloseable {
    private final EntityManagerFactory emf;

    DerbyStore(String name) throws IOException {
        Path folder = Path.of("target", "derby-test", name).toAbsolutePath();
        if (Files.exists(folder)) {
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(folder.getParent());
        System.setProperty("derby.stream.error.file", folder.getParent().resolve("derby.log").toString());
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(folder.toString());
        ds.setCreateDatabase("create");
        Flyway.configure(getClass().getClassLoader()).dataSource(ds).locations("classpath:id/parkir/store/jpa/migration")
                .placeholders(Map.of("bool", "SMALLINT", "ordered", "")).load().migrate();
        emf = Persistence.createEntityManagerFactory("parkir", Map.of("javax.persistence.nonJtaDataSource", ds));
    }

    @Override
    public <T> T write(Function<EntityManager, T> work) {
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

    @Override
    public <T> T read(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }

    /** SQL as written, in its own transaction. */
    void sql(String sql, Object... params) {
        write(em -> {
            javax.persistence.Query q = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return q.executeUpdate();
        });
    }

    @Override
    public void close() {
        emf.close();
    }

    /** The core's configuration with its defaults, but for the keys given. */
    static CoreConfig config(Map<String, Object> values) {
        return (CoreConfig) Proxy.newProxyInstance(CoreConfig.class.getClassLoader(), new Class<?>[] {CoreConfig.class},
                (proxy, method, args) -> {
                    if ("annotationType".equals(method.getName())) {
                        return CoreConfig.class;
                    }
                    return values.containsKey(method.getName()) ? values.get(method.getName()) : method.getDefaultValue();
                });
    }
}
