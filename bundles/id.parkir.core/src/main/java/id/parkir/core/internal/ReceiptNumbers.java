package id.parkir.core.internal;

import id.parkir.store.jpa.ParkirStore;
import id.parkir.store.jpa.Statements;
import id.parkir.store.jpa.ReceiptSeriesEntity;
import id.parkir.store.jpa.StoreConflict;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javax.persistence.EntityManager;

/**
 * Receipt numbers {@code R<yyMMdd>-<n>}: per site (the database) and day, unique and without
 * gaps. The day's counter row is raised inside the payment's transaction and stays locked until
 * it commits (the payment then only updates its own stay and inserts its row), so a payment that
 * rolls back gives its number back and two servers never hand out the same number.
 */
final class ReceiptNumbers {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");

    private final ParkirStore store;
    private final ZoneId zone;

    ReceiptNumbers(ParkirStore store, ZoneId zone) {
        this.store = store;
        this.zone = zone;
    }

    String series(Instant at) {
        return "R" + DAY.format(at.atZone(zone));
    }

    /** The next number of the series, in the caller's transaction; {@link NewSeries} when the series has no row yet. */
    static String next(EntityManager em, String series) {
        if (Statements.update(em, "UPDATE PARKIR_RECEIPT_SERIES SET LAST_NUMBER = LAST_NUMBER + 1 WHERE SERIES = ?", series) != 1) {
            throw new NewSeries();
        }
        long number = ((Number) Statements.single(em, "SELECT LAST_NUMBER FROM PARKIR_RECEIPT_SERIES WHERE SERIES = ?",
                series)).longValue();
        return series + "-" + String.format("%06d", number);
    }

    /** Creates the day's counter row (once a day), in a transaction of its own; another server may have just done it. */
    void create(String series) {
        try {
            store.write(em -> {
                if (em.find(ReceiptSeriesEntity.class, series) == null) {
                    ReceiptSeriesEntity r = new ReceiptSeriesEntity();
                    r.setSeries(series);
                    em.persist(r);
                }
                return null;
            });
        } catch (StoreConflict alreadyThere) {
            // made at the same moment by another payment: fine
        }
    }

    /** The series has no counter row yet: create it and run the payment's transaction again. */
    static final class NewSeries extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NewSeries() {
            super("new receipt series", null, false, false);
        }
    }
}
