package id.parkir.core.internal;

import id.parkir.api.Text;
import id.parkir.api.Actor;
import id.parkir.api.Fee;
import id.parkir.api.ParkirException;
import id.parkir.api.PaymentMethod;
import id.parkir.api.Rupiah;
import id.parkir.api.Stay;
import id.parkir.api.TariffRule;
import id.parkir.api.TicketNumber;
import id.parkir.api.parking.PaymentCommand;
import id.parkir.api.parking.Receipt;
import id.parkir.store.jpa.ParkingSessionEntity;
import id.parkir.store.jpa.ParkirStore;
import id.parkir.store.jpa.Statements;
import id.parkir.store.jpa.PaymentEntity;
import id.parkir.store.jpa.StoreConflict;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Payments. The fee is computed and the payment method called outside any transaction; then one
 * transaction settles the stay: the vehicle leaves the lot, the stay is marked paid (its version
 * checked, so a stay paid or re-quoted meanwhile is not paid twice), the slot is given back, the
 * receipt number drawn and the payment written (its session and idempotency key are unique). If
 * that fails after the method accepted, the method is asked to reverse.
 */
final class Payments {
    private static final Logger LOG = LoggerFactory.getLogger(Payments.class);
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9_.:-]{8,64}");

    private final ParkirStore store;
    private final CoreConfig config;
    private final DayBoundary boundary;
    private final Supplier<TariffRule> tariffRule;
    private final PluginRegistry<PaymentMethod> methods;
    private final ReceiptNumbers receipts;

    Payments(ParkirStore store, CoreConfig config, DayBoundary boundary, Supplier<TariffRule> tariffRule,
             PluginRegistry<PaymentMethod> methods) {
        this.store = store;
        this.config = config;
        this.boundary = boundary;
        this.tariffRule = tariffRule;
        this.methods = methods;
        this.receipts = new ReceiptNumbers(store, boundary.zone());
    }

    Receipt pay(Actor actor, PaymentCommand command) {
        String ticket = TicketNumber.parse(command.ticket());
        if (Sessions.isBlank(command.method())) {
            throw ParkirException.invalid("payment_method_missing", "method is required");
        }
        String methodId = Text.optional("method", command.method(), 32);
        PaymentMethod method = methods.get(methodId).map(PluginRegistry.Plugin::service)
                .orElseThrow(() -> ParkirException.invalid("payment_method_unknown", "payment method '" + command.method()
                        + "' is not installed; installed: " + methods.all().stream().map(PluginRegistry.Plugin::id)
                        .collect(Collectors.joining(", "))));
        Rupiah.requireAmount("amountReceived", command.amountReceived());
        String key = Sessions.isBlank(command.idempotencyKey()) ? null : command.idempotencyKey().trim();
        if (key != null && !IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw ParkirException.invalid("idempotency_key_invalid", "idempotency key must be 8-64 letters, digits or _.:-");
        }
        String reference = Text.optional("reference", command.reference(), 128);
        TariffRule rule = tariffRule.get();
        Receipt earlier = earlier(key, ticket);
        if (earlier != null) {
            return earlier;
        }
        ParkingSessionEntity found = store.read(em -> Sessions.byTicket(em, ticket));
        if (found == null) {
            throw ParkirException.notFound("ticket_unknown", "no parking session with ticket " + ticket);
        }
        if (Sessions.PAID.equals(found.getStatus())) {
            // a retry whose first attempt was being recorded while the key was looked up above
            Receipt retried = earlier(key, ticket);
            if (retried != null) {
                return retried;
            }
            Sessions.requireUnpaid(found);
        }
        Instant now = Sessions.now();
        Instant exitTime = found.getQuotedAt() != null
                && Duration.between(Instant.ofEpochMilli(found.getQuotedAt()), now).toMinutes() < config.quoteValidityMinutes()
                ? Instant.ofEpochMilli(found.getQuotedAt()) : now;
        Stay stay = Sessions.stay(found, exitTime, found.isLostTicket(), boundary);
        Fee fee = rule.quote(stay);
        FeeParts parts = FeeParts.of(rule, stay, fee);
        PaymentMethod.Request request = new PaymentMethod.Request(ticket, fee.total(), command.amountReceived(), reference);
        PaymentMethod.Outcome outcome = method.pay(request);
        if (!outcome.accepted()) {
            String why = outcome.message() == null ? "payment refused" : outcome.message();
            store.write(em -> {
                GateLog.record(em, actor, GateLog.PAYMENT_REFUSED, "ticket " + ticket + ", " + methodId + ", due " + fee.total() + ": " + why);
                return null;
            });
            throw ParkirException.invalid("payment_refused", why);
        }
        Settlement settlement = new Settlement(actor, found, methodId, key, fee, parts, stay.overnights(), outcome, now, exitTime);
        try {
            return settle(settlement);
        } catch (RuntimeException e) {
            reverse(method, request, outcome, ticket);
            Receipt raced = earlier(key, ticket);
            if (raced != null) {
                return raced;
            }
            if (e instanceof StoreConflict c) {
                LOG.info("Payment of ticket {} refused by the database: {} {}", ticket, c.kind(), c.constraint());
                ParkingSessionEntity now2 = store.read(em -> Sessions.byTicket(em, ticket));
                Sessions.requireUnpaid(now2);
                throw ParkirException.conflict("ticket_changed", "ticket " + ticket
                        + " was quoted again at another gate while paying: ask for the fee again");
            }
            throw e;
        }
    }

    /** The receipt an earlier request with this idempotency key got, or null; 409 if the key paid another ticket. */
    private Receipt earlier(String key, String ticket) {
        if (key == null) {
            return null;
        }
        PaymentEntity p = store.read(em -> em.createQuery("SELECT p FROM PaymentEntity p WHERE p.idempotencyKey = :k",
                PaymentEntity.class).setParameter("k", key).getResultList().stream().findFirst().orElse(null));
        if (p != null && !p.getTicket().equals(ticket)) {
            throw ParkirException.conflict("idempotency_key_reused", "idempotency key was used for another ticket");
        }
        return p == null ? null : receipt(p);
    }

    private record Settlement(Actor actor, ParkingSessionEntity read, String method, String key, Fee fee, FeeParts parts,
                              int nights, PaymentMethod.Outcome outcome, Instant now, Instant exitTime) {
    }

    private Receipt settle(Settlement p) {
        String series = receipts.series(p.now());
        try {
            return store.write(em -> settle(em, p, series));
        } catch (ReceiptNumbers.NewSeries first) {
            receipts.create(series);
            return store.write(em -> settle(em, p, series));
        }
    }

    /**
     * Locks in one order everywhere (the cashier's open shift, the lot row, zone slots, receipt
     * counter, then the stay, which otherwise only a quote locks, briefly), so gates never
     * deadlock; the stay's version is checked by its update, so a stay paid or quoted again
     * meanwhile rolls all of it back.
     */
    private static Receipt settle(EntityManager em, Settlement p, String series) {
        Long shift = Shifts.lockOpenShift(em, p.actor().username());
        ParkingSessionEntity s = em.find(ParkingSessionEntity.class, p.read().getId());
        Sessions.requireUnpaid(s);
        if (s.getRowVersion() != p.read().getRowVersion()) {
            throw new StoreConflict(StoreConflict.Kind.STALE, null, null);
        }
        if (Statements.update(em, "DELETE FROM PARKIR_INSIDE WHERE SESSION_ID = ?", s.getId()) != 1) {
            throw new StoreConflict(StoreConflict.Kind.STALE, null, null); // paid at another gate a moment ago
        }
        Zones.giveBackSlot(em, s.getZone(), s.getVehicleType());
        PaymentEntity payment = new PaymentEntity();
        payment.setReceiptNo(ReceiptNumbers.next(em, series));
        payment.setSessionId(s.getId());
        payment.setTicket(s.getTicket());
        payment.setPlate(s.getPlate());
        payment.setMethod(p.method());
        payment.setTotal(p.fee().total());
        payment.setPaid(p.outcome().paid());
        payment.setChangeGiven(p.outcome().change());
        payment.setPaidAt(p.now().toEpochMilli());
        payment.setCashier(p.actor().username());
        payment.setShiftId(shift);
        payment.setIdempotencyKey(p.key());
        payment.setReference(p.outcome().reference());
        payment.setFeeLines(FeeLines.encode(p.fee().lines()));
        // what the reports group and filter by, from index columns of the payment alone
        payment.setVehicleType(s.getVehicleType());
        payment.setZone(s.getZone());
        payment.setGate(s.getGate());
        payment.setLostTicket(s.isLostTicket());
        payment.setNights(p.nights());
        payment.setFine(p.parts().fine());
        payment.setOvernightCharge(p.parts().overnightCharge());
        s.setPaymentMethod(p.method());
        s.setNights(p.nights());
        s.setFine(p.parts().fine());
        s.setOvernightCharge(p.parts().overnightCharge());
        s.setStatus(Sessions.PAID);
        s.setExitAt(p.exitTime().toEpochMilli());
        s.setExitBy(p.actor().username());
        s.setExitShift(shift);
        s.setTotal(p.fee().total());
        s.setReceiptNo(payment.getReceiptNo());
        em.flush();
        em.persist(payment);
        GateLog.record(em, p.actor(), GateLog.PAYMENT, "ticket " + s.getTicket() + ", receipt " + payment.getReceiptNo() + ", "
                + p.method() + ", total " + payment.getTotal() + ", paid " + payment.getPaid() + ", change " + payment.getChangeGiven()
                + (s.isLostTicket() ? ", lost ticket" : ""));
        return receipt(payment);
    }

    private static void reverse(PaymentMethod method, PaymentMethod.Request request, PaymentMethod.Outcome outcome,
                                String ticket) {
        try {
            method.reverse(request, outcome);
        } catch (RuntimeException e) {
            LOG.error("Payment of ticket {} was accepted but not recorded, and reversing it failed: {}", ticket, e.toString());
        }
    }

    static Receipt receipt(PaymentEntity p) {
        return new Receipt(p.getReceiptNo(), p.getTicket(), p.getPlate(), p.getTotal(), p.getPaid(), p.getChangeGiven(),
                p.getMethod(), Instant.ofEpochMilli(p.getPaidAt()), FeeLines.decode(p.getFeeLines()), p.getCashier());
    }
}
