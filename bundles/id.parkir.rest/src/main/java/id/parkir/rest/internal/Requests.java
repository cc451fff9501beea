package id.parkir.rest.internal;

import java.util.Map;

/** Request bodies of the API, as JSON objects. */
final class Requests {
    private Requests() {
    }

    record Login(String username, String password) {
    }

    record PasswordChange(String oldPassword, String newPassword) {
    }

    record NewUser(String username, String fullName, String role, String password) {
    }

    record UserChange(String role, String fullName, Boolean active) {
    }

    record PasswordReset(String newPassword) {
    }

    /** {@code image} is a base64-encoded JPEG or PNG. */
    record Entry(String plate, String vehicleType, String gate, String zone, String image) {
    }

    record Exit(String ticket, String plate, Boolean lostTicket, String image) {
    }

    record Payment(String ticket, String method, Long amountReceived, String idempotencyKey, String reference) {
    }

    record ShiftOpen(Long openingCash) {
    }

    record ShiftClose(Long countedCash) {
    }

    record Zone(String name, Map<String, Integer> capacity) {
    }

    /** {@code types}: vehicle type -> field -> whole number; its shape is checked by {@link TariffBodies}. */
    record Tariff(Object types) {
    }

    /** Instants as ISO-8601 text. */
    record TariffQuote(String vehicleType, String entryTime, String exitTime, Boolean lostTicket) {
    }
}
