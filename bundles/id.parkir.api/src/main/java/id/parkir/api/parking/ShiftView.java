package id.parkir.api.parking;

import java.time.Instant;

/** A cashier's shift. */
public record ShiftView(long id, String username, Instant openedAt, Instant closedAt, long openingCash) {
}
