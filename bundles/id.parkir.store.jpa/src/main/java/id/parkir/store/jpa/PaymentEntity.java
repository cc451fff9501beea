package id.parkir.store.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A settled exit: what was charged, how, and by whom. */
@Entity
@Table(name = "PARKIR_PAYMENT")
public class PaymentEntity {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) @Column(name = "ID")
    private long id;
    @Column(name = "RECEIPT_NO", length = 24, unique = true)
    private String receiptNo;
    @Column(name = "SESSION_ID", nullable = false, unique = true)
    private long sessionId;
    @Column(name = "TICKET", length = 16, nullable = false)
    private String ticket;
    @Column(name = "PLATE", length = 12, nullable = false)
    private String plate;
    @Column(name = "METHOD", length = 32, nullable = false)
    private String method;
    @Column(name = "TOTAL")
    private long total;
    @Column(name = "PAID")
    private long paid;
    @Column(name = "CHANGE_GIVEN")
    private long changeGiven;
    @Column(name = "PAID_AT", nullable = false)
    private long paidAt;
    @Column(name = "CASHIER", length = 64)
    private String cashier;
    @Column(name = "SHIFT_ID")
    private Long shiftId;
    /** Client-chosen, optional; a unique key (nulls allowed), so one key can only ever name one payment. */
    @Column(name = "IDEMPOTENCY_KEY", length = 64)
    private String idempotencyKey;
    @Column(name = "REFERENCE", length = 128)
    private String reference;
    @Column(name = "FEE_LINES", length = 2000)
    private String feeLines;
    /** What the reports group and filter by (V5), copied from the stay when it is paid; null in earlier payments. */
    @Column(name = "VEHICLE_TYPE", length = 16)
    private String vehicleType;
    @Column(name = "ZONE_CODE", length = 16)
    private String zone;
    @Column(name = "GATE", length = 32)
    private String gate;
    @Column(name = "LOST_TICKET")
    private Boolean lostTicket;
    @Column(name = "NIGHTS")
    private Integer nights;
    /** The part of the total that the lost ticket added, and the part that the nights added. */
    @Column(name = "FINE")
    private Long fine;
    @Column(name = "OVERNIGHT_CHARGE")
    private Long overnightCharge;

    public long getId() {
        return id;
    }

    public void setId(long id) {
        this.id = id;
    }

    public String getReceiptNo() {
        return receiptNo;
    }

    public void setReceiptNo(String receiptNo) {
        this.receiptNo = receiptNo;
    }

    public long getSessionId() {
        return sessionId;
    }

    public void setSessionId(long sessionId) {
        this.sessionId = sessionId;
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

    public String getMethod() {
        return method;
    }

    public void setMethod(String method) {
        this.method = method;
    }

    public long getTotal() {
        return total;
    }

    public void setTotal(long total) {
        this.total = total;
    }

    public long getPaid() {
        return paid;
    }

    public void setPaid(long paid) {
        this.paid = paid;
    }

    public long getChangeGiven() {
        return changeGiven;
    }

    public void setChangeGiven(long changeGiven) {
        this.changeGiven = changeGiven;
    }

    public long getPaidAt() {
        return paidAt;
    }

    public void setPaidAt(long paidAt) {
        this.paidAt = paidAt;
    }

    public String getCashier() {
        return cashier;
    }

    public void setCashier(String cashier) {
        this.cashier = cashier;
    }

    public Long getShiftId() {
        return shiftId;
    }

    public void setShiftId(Long shiftId) {
        this.shiftId = shiftId;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public void setIdempotencyKey(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
    }

    public String getReference() {
        return reference;
    }

    public void setReference(String reference) {
        this.reference = reference;
    }

    public String getFeeLines() {
        return feeLines;
    }

    public void setFeeLines(String feeLines) {
        this.feeLines = feeLines;
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

    public Boolean getLostTicket() {
        return lostTicket;
    }

    public void setLostTicket(Boolean lostTicket) {
        this.lostTicket = lostTicket;
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
