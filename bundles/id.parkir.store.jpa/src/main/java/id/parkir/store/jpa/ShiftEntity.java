package id.parkir.store.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A cashier's shift, from opening float to counted cash. */
@Entity
@Table(name = "PARKIR_SHIFT")
public class ShiftEntity {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) @Column(name = "ID")
    private long id;
    @Column(name = "USERNAME", length = 64, nullable = false)
    private String username;
    @Column(name = "OPENED_AT", nullable = false)
    private long openedAt;
    @Column(name = "CLOSED_AT")
    private Long closedAt;
    @Column(name = "OPENING_CASH")
    private long openingCash;
    @Column(name = "COUNTED_CASH")
    private Long countedCash;
    /** The username while the shift is open, null once closed: unique, so a user has one open shift. */
    @Column(name = "OPEN_USERNAME", length = 64)
    private String openUsername;

    public String getOpenUsername() {
        return openUsername;
    }

    public void setOpenUsername(String openUsername) {
        this.openUsername = openUsername;
    }

    public long getId() {
        return id;
    }

    public void setId(long id) {
        this.id = id;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public long getOpenedAt() {
        return openedAt;
    }

    public void setOpenedAt(long openedAt) {
        this.openedAt = openedAt;
    }

    public Long getClosedAt() {
        return closedAt;
    }

    public void setClosedAt(Long closedAt) {
        this.closedAt = closedAt;
    }

    public long getOpeningCash() {
        return openingCash;
    }

    public void setOpeningCash(long openingCash) {
        this.openingCash = openingCash;
    }

    public Long getCountedCash() {
        return countedCash;
    }

    public void setCountedCash(Long countedCash) {
        this.countedCash = countedCash;
    }
}
