package id.parkir.api.parking;

/**
 * Pays a quoted exit. {@code idempotencyKey} (optional) makes a repeated request answer the first
 * receipt instead of charging again.
 */
public record PaymentCommand(String ticket, String method, Long amountReceived, String idempotencyKey,
                             String reference) {
}
