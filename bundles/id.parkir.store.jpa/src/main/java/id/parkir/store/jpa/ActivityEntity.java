package id.parkir.store.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** One line of the activity (audit) log. */
@Entity
@Table(name = "PARKIR_ACTIVITY")
public class ActivityEntity {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) @Column(name = "ID")
    private long id;
    @Column(name = "AT_MILLIS", nullable = false)
    private long at;
    @Column(name = "USERNAME", length = 64)
    private String username;
    @Column(name = "EVENT", length = 48, nullable = false)
    private String event;
    @Column(name = "DETAIL", length = 1000)
    private String detail;

    /** A line now, cut to the columns' sizes (a long detail keeps its first 1,000 characters). */
    public static ActivityEntity of(String username, String event, String detail) {
        ActivityEntity a = new ActivityEntity();
        a.setAt(System.currentTimeMillis());
        a.setUsername(username == null ? null : username.substring(0, Math.min(64, username.length())));
        a.setEvent(event);
        a.setDetail(detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000));
        return a;
    }

    public long getId() {
        return id;
    }

    public void setId(long id) {
        this.id = id;
    }

    public long getAt() {
        return at;
    }

    public void setAt(long at) {
        this.at = at;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getEvent() {
        return event;
    }

    public void setEvent(String event) {
        this.event = event;
    }

    public String getDetail() {
        return detail;
    }

    public void setDetail(String detail) {
        this.detail = detail;
    }
}
