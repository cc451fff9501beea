package id.parkir.store.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/**
 * One vehicle's stay, from entry ticket to paid exit. Times are epoch milliseconds. While the
 * vehicle is inside it also has a row in {@link VehicleInsideEntity}.
 */
@Entity
@Table(name = "PARKIR_SESSION")
public class ParkingSessionEntity {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) @Column(name = "ID")
    private long id;
    @Column(name = "TICKET", length = 16, nullable = false, unique = true)
    private String ticket;
    @Column(name = "PLATE", length = 12, nullable = false)
    private String plate;
    @Column(name = "VEHICLE_TYPE", length = 16, nullable = false)
    private String vehicleType;
    @Column(name = "ZONE_CODE", length = 16, nullable = false)
    private String zone;
    @Column(name = "GATE", length = 32)
    private String gate;
    @Column(name = "STATUS", length = 8, nullable = false)
    private String status;
    @Column(name = "ENTRY_AT", nullable = false)
    private long entryAt;
    @Column(name = "ENTRY_BY", length = 64)
    private String entryBy;
    @Column(name = "ENTRY_SHIFT")
    private Long entryShift;
    @Column(name = "ENTRY_IMAGE", length = 255)
    private String entryImage;
    @Column(name = "EXIT_AT")
    private Long exitAt;
    @Column(name = "EXIT_BY", length = 64)
    private String exitBy;
    @Column(name = "EXIT_SHIFT")
    private Long exitShift;
    @Column(name = "EXIT_IMAGE", length = 255)
    private String exitImage;
    @Column(name = "LOST_TICKET")
    private boolean lostTicket;
    @Column(name = "QUOTED_AT")
    private Long quotedAt;
    @Column(name = "TOTAL")
    private Long total;
    @Column(name = "RECEIPT_NO", length = 24)
    private String receiptNo;
    /** Set at payment (V5): the method, the nights charged, and the parts of the total that were the fine and the overnight charge. */
    @Column(name = "PAYMENT_METHOD", length = 32)
    private String paymentMethod;
    @Column(name = "NIGHTS")
    private Integer nights;
    @Column(name = "FINE")
    private Long fine;
    @Column(name = "OVERNIGHT_CHARGE")
    private Long overnightCharge;
    /** Raised by every update: a quote or payment based on an older read fails instead of overwriting. */
    @Version @Column(name = "ROW_VERSION")
    private int rowVersion;

    public int getRowVersion() {
        return rowVersion;
    }

    public long getId() {
        return id;
    }

    public void setId(long id) {
        this.id = id;
    }

    public String getTicket() {
        return ticket;
    }

    public void setTicket(String ticket) {
        this.ticket = ticket;
    }

    public String getPlate() {
        return plate;
    }

    public void setPlate(String plate) {
        this.plate = plate;
    }

    public String getVehicleType() {
        return vehicleType;
    }

    public void setVehicleType(String vehicleType) {
        this.vehicleType = vehicleType;
    }

    public String getZone() {
        return zone;
    }

    public void setZone(String zone) {
        this.zone = zone;
    }

    public String getGate() {
        return gate;
    }

    public void setGate(String gate) {
        this.gate = gate;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public long getEntryAt() {
        return entryAt;
    }

    public void setEntryAt(long entryAt) {
        this.entryAt = entryAt;
    }

    public String getEntryBy() {
        return entryBy;
    }

    public void setEntryBy(String entryBy) {
        this.entryBy = entryBy;
    }

    public Long getEntryShift() {
        return entryShift;
    }

    public void setEntryShift(Long entryShift) {
        this.entryShift = entryShift;
    }

    public String getEntryImage() {
        return entryImage;
    }

    public void setEntryImage(String entryImage) {
        this.entryImage = entryImage;
    }

    public Long getExitAt() {
        return exitAt;
    }

    public void setExitAt(Long exitAt) {
        this.exitAt = exitAt;
    }

    public String getExitBy() {
        return exitBy;
    }

    public void setExitBy(String exitBy) {
        this.exitBy = exitBy;
    }

    public Long getExitShift() {
        return exitShift;
    }

    public void setExitShift(Long exitShift) {
        this.exitShift = exitShift;
    }

    public String getExitImage() {
        return exitImage;
    }

    public void setExitImage(String exitImage) {
        this.exitImage = exitImage;
    }

    public boolean isLostTicket() {
        return lostTicket;
    }

    public void setLostTicket(boolean lostTicket) {
        this.lostTicket = lostTicket;
    }

    public Long getQuotedAt() {
        return quotedAt;
    }

    public void setQuotedAt(Long quotedAt) {
        this.quotedAt = quotedAt;
    }

    public Long getTotal() {
        return total;
    }

    public void setTotal(Long total) {
        this.total = total;
    }

    public String getReceiptNo() {
        return receiptNo;
    }

    public void setReceiptNo(String receiptNo) {
        this.receiptNo = receiptNo;
    }

    public String getPaymentMethod() {
        return paymentMethod;
    }

    public void setPaymentMethod(String paymentMethod) {
        this.paymentMethod = paymentMethod;
    }

    public Integer getNights() {
        return nights;
    }

    public void setNights(Integer nights) {
        this.nights = nights;
    }

    public Long getFine() {
        return fine;
    }

    public void setFine(Long fine) {
        this.fine = fine;
    }

    public Long getOvernightCharge() {
        return overnightCharge;
    }

    public void setOvernightCharge(Long overnightCharge) {
        this.overnightCharge = overnightCharge;
    }
}
