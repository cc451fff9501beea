package id.parkir.payment.cash.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.parkir.api.PaymentMethod;
import org.junit.jupiter.api.Test;

class CashPaymentTest {
    private final CashPayment cash = new CashPayment();

    @Test
    void givesChange() {
        PaymentMethod.Outcome o = cash.pay(new PaymentMethod.Request("T", 13_000, 20_000L, null));
        assertTrue(o.accepted());
        assertEquals(20_000, o.paid());
        assertEquals(7_000, o.change());
    }

    @Test
    void exactAmountNeedsNoChange() {
        assertEquals(0, cash.pay(new PaymentMethod.Request("T", 5_000, 5_000L, null)).change());
    }

    @Test
    void refusesShortOrMissingAmount() {
        PaymentMethod.Outcome shortPay = cash.pay(new PaymentMethod.Request("T", 13_000, 10_000L, null));
        assertFalse(shortPay.accepted());
        assertEquals("short payment: received Rp10.000, due Rp13.000", shortPay.message());
        assertFalse(cash.pay(new PaymentMethod.Request("T", 13_000, null, null)).accepted());
    }
}
