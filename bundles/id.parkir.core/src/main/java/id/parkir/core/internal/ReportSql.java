package id.parkir.core.internal;

import java.util.ArrayList;
import java.util.List;
import javax.persistence.EntityManager;
import javax.persistence.Query;

/** The reports' SQL as written, with its parameters in order (values only, never text in the SQL). */
final class ReportSql {
    private ReportSql() {
    }

    static Query query(EntityManager em, String sql, List<Object> params) {
        Query q = em.createNativeQuery(sql);
        for (int i = 0; i < params.size(); i++) {
            q.setParameter(i + 1, params.get(i));
        }
        return q;
    }

    static List<Object[]> rows(EntityManager em, String sql, List<Object> params) {
        List<Object[]> rows = new ArrayList<>();
        for (Object r : query(em, sql, params).getResultList()) {
            rows.add(r instanceof Object[] a ? a : new Object[] {r});
        }
        return rows;
    }

    static long count(EntityManager em, String sql, List<Object> params) {
        return AbstractReport.zeroIfNull(query(em, sql, params).getSingleResult());
    }
}
