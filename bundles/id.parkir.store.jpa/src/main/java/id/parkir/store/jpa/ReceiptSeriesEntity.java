package id.parkir.store.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * The last receipt number given in one series (a day: {@code R<yyMMdd>}). A payment raises it in
 * its own transaction, so numbers are unique and without gaps: a payment that rolls back gives
 * its number back.
 */
@Entity
@Table(name = "PARKIR_RECEIPT_SERIES")
public class ReceiptSeriesEntity {
    @Id @Column(name = "SERIES", length = 16)
    private String series;
    @Column(name = "LAST_NUMBER", nullable = false)
    private long lastNumber;

    public String getSeries() {
        return series;
    }

    public void setSeries(String series) {
        this.series = series;
    }

    public long getLastNumber() {
        return lastNumber;
    }

    public void setLastNumber(long lastNumber) {
        this.lastNumber = lastNumber;
    }
}
