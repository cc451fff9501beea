package id.parkir.store.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * A vehicle in the car park now: written at entry, deleted at payment. The plate is the key, so
 * the database itself refuses a second vehicle with the same plate inside, whichever server asks;
 * and the list of vehicles inside never grows with the history.
 */
@Entity
@Table(name = "PARKIR_INSIDE")
public class VehicleInsideEntity {
    @Id @Column(name = "PLATE", length = 12)
    private String plate;
    @Column(name = "SESSION_ID", nullable = false, unique = true)
    private long sessionId;
    @Column(name = "ZONE_CODE", length = 16, nullable = false)
    private String zone;
    @Column(name = "VEHICLE_TYPE", length = 16, nullable = false)
    private String vehicleType;
    @Column(name = "ENTRY_AT", nullable = false)
    private long entryAt;

    public String getPlate() {
        return plate;
    }

    public void setPlate(String plate) {
        this.plate = plate;
    }

    public long getSessionId() {
        return sessionId;
    }

    public void setSessionId(long sessionId) {
        this.sessionId = sessionId;
    }

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

    public long getEntryAt() {
        return entryAt;
    }

    public void setEntryAt(long entryAt) {
        this.entryAt = entryAt;
    }
}
