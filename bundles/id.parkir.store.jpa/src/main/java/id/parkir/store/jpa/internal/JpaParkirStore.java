package id.parkir.store.jpa.internal;

import id.parkir.store.jpa.ParkirStore;
import java.util.function.Function;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link ParkirStore} on the "parkir" persistence unit that Aries JPA publishes. */
@Component(service = ParkirStore.class)
public class JpaParkirStore implements ParkirStore {
    private static final Logger LOG = LoggerFactory.getLogger(JpaParkirStore.class);

    private final EntityManagerFactory emf;

    @Activate
    public JpaParkirStore(@Reference(target = "(osgi.unit.name=parkir)") EntityManagerFactory emf) {
        this.emf = emf;
        // Touch the database once so the schema is built at start-up, not on the first request.
        read(em -> em.createQuery("SELECT COUNT(z) FROM ZoneEntity z").getSingleResult());
        LOG.info("Parkir store ready");
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
}
