package id.parkir.api;

/**
 * Takes a payment (cash with change, QRIS, e-money ...). Registered as a DS service with the
 * properties {@link PluginProperties#ID} and {@link PluginProperties#NAME}.
 */
public interface PaymentMethod {

    /** What the cashier asks the method to settle. */
    record Request(String ticket, long amountDue, Long amountReceived, String reference) {
    }

    /** What happened: accepted with the amount tendered ({@code paid}) and the change, or refused with a reason. */
    record Outcome(boolean accepted, long paid, long change, String reference, String message) {
        public static Outcome accepted(long paid, long change, String reference) {
            return new Outcome(true, paid, change, reference, null);
        }

        public static Outcome refused(String message) {
            return new Outcome(false, 0, 0, null, message);
        }
    }

    /**
     * Settles the request; must not keep state when it refuses. Called outside any database
     * transaction or lock, so a slow provider delays only its own gate.
     */
    Outcome pay(Request request);

    /**
     * Undoes an accepted payment that could not be recorded: another gate paid the same ticket at
     * the same moment, or the database refused the write. A method that charged a card or a QRIS
     * account voids or refunds it here. The default does nothing (cash: the cashier, told the
     * payment failed, hands the money back).
     */
    default void reverse(Request request, Outcome outcome) {
    }
}
