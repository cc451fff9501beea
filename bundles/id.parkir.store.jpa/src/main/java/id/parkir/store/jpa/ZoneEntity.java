package id.parkir.store.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A zone of the car park; its capacity per vehicle type is in {@link ZoneSlotsEntity}. */
@Entity
@Table(name = "PARKIR_ZONE")
public class ZoneEntity {
    @Id @Column(name = "CODE", length = 16)
    private String code;
    @Column(name = "NAME", length = 64)
    private String name;
    @Column(name = "SORT_ORDER")
    private int sortOrder;

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public int getSortOrder() {
        return sortOrder;
    }

    public void setSortOrder(int sortOrder) {
        this.sortOrder = sortOrder;
    }
}
