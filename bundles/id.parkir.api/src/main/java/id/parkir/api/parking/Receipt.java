package id.parkir.api.parking;

import id.parkir.api.FeeLine;
import java.time.Instant;
import java.util.List;

/** A settled exit, as printed for the driver. */
public record Receipt(String receiptNo, String ticket, String plate, long total, long paid, long change, String method,
                      Instant paidAt, List<FeeLine> lines, String cashier) {
}
