package id.parkir.store.jpa;

import java.io.Serializable;
import java.util.Objects;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/**
 * Slots of one vehicle type in one zone: how many there are and how many are taken. An entry
 * takes a slot with one conditional update ({@code inside < capacity}), which the database
 * serialises on this row; so a zone is never over-filled, however many servers share it.
 */
@Entity
@Table(name = "PARKIR_ZONE_SLOTS")
@IdClass(ZoneSlotsEntity.Key.class)
public class ZoneSlotsEntity {
    @Id @Column(name = "ZONE_CODE", length = 16)
    private String zone;
    @Id @Column(name = "VEHICLE_TYPE", length = 16)
    private String vehicleType;
    @Column(name = "CAPACITY", nullable = false)
    private int capacity;
    @Column(name = "INSIDE", nullable = false)
    private int inside;

    public String getZone() {
        return zone;
    }

    public void setZone(String zone) {
        this.zone = zone;
    }

    public String getVehicleType() {
        return vehicleType;
    }

    public void setVehicleType(String vehicleType) {
        this.vehicleType = vehicleType;
    }

    public int getCapacity() {
        return capacity;
    }

    public void setCapacity(int capacity) {
        this.capacity = capacity;
    }

    public int getInside() {
        return inside;
    }

    public void setInside(int inside) {
        this.inside = inside;
    }

    /** The primary key: zone code and vehicle type. */
    public static final class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public String zone;
        public String vehicleType;

        public Key() {
        }

        public Key(String zone, String vehicleType) {
            this.zone = zone;
            this.vehicleType = vehicleType;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(zone, k.zone) && Objects.equals(vehicleType, k.vehicleType);
        }

        @Override
        public int hashCode() {
            return Objects.hash(zone, vehicleType);
        }
    }
}
