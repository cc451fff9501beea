package id.parkir.store.jpa;

import javax.persistence.EntityManager;
import javax.persistence.Query;

/**
 * SQL run as written, in the caller's transaction. For the updates whose atomicity is the rule
 * ("take a slot if one is free", "raise the receipt counter"): OpenJPA may carry out a JPQL bulk
 * update in memory (read, change, write back), which two servers could interleave; the database
 * runs one UPDATE statement under its row lock.
 */
public final class Statements {
    private Statements() {
    }

    public static int update(EntityManager em, String sql, Object... params) {
        return query(em, sql, params).executeUpdate();
    }

    public static Object single(EntityManager em, String sql, Object... params) {
        return query(em, sql, params).getSingleResult();
    }

    private static Query query(EntityManager em, String sql, Object... params) {
        Query q = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        return q;
    }
}
