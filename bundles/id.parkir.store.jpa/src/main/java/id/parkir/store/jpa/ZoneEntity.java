package id.parkir.store.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A zone of the car park with its slots per vehicle type. */
@Entity
@Table(name = "PARKIR_ZONE")
public class ZoneEntity {
    @Id @Column(name = "CODE", length = 16)
    private String code;
    @Column(name = "NAME", length = 64)
    private String name;
    @Column(name = "SORT_ORDER")
    private int sortOrder;
    @Column(name = "CAP_MOTORCYCLE")
    private int capMotorcycle;
    @Column(name = "CAP_CAR")
    private int capCar;
    @Column(name = "CAP_TRUCK")
    private int capTruck;
    @Column(name = "CAP_BUS")
    private int capBus;

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

    public int getCapMotorcycle() {
        return capMotorcycle;
    }

    public void setCapMotorcycle(int capMotorcycle) {
        this.capMotorcycle = capMotorcycle;
    }

    public int getCapCar() {
        return capCar;
    }

    public void setCapCar(int capCar) {
        this.capCar = capCar;
    }

    public int getCapTruck() {
        return capTruck;
    }

    public void setCapTruck(int capTruck) {
        this.capTruck = capTruck;
    }

    public int getCapBus() {
        return capBus;
    }

    public void setCapBus(int capBus) {
        this.capBus = capBus;
    }
}
