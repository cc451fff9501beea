package id.parkir.it.slowpay;

import id.parkir.api.PaymentMethod;

/**
 * A payment method that takes its time, as a payment provider on a bad line does: installed into
 * the running server by {@code ConcurrencyIT} (as a bundle it builds from this class) to show
 * that one slow payment delays only its own gate. It accepts after {@link #MILLIS}.
 */
public class SlowPayment implements PaymentMethod {
    public static final long MILLIS = 8_000;

    @Override
    public Outcome pay(Request request) {
        try {
            Thread.sleep(MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.refused("interrupted");
        }
        return Outcome.accepted(request.amountDue(), 0, "slow-" + request.ticket());
    }
}
