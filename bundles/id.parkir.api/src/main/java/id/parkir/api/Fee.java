package id.parkir.api;

import java.util.List;

/** A fee with the breakdown a receipt prints; {@code total} is the sum of the lines. */
public record Fee(long total, List<FeeLine> lines) {
    public Fee {
        lines = List.copyOf(lines);
        long sum = lines.stream().mapToLong(FeeLine::amount).sum();
        if (sum != total) {
            throw new IllegalArgumentException("fee total " + total + " differs from the sum of its lines " + sum);
        }
    }

    public static Fee of(List<FeeLine> lines) {
        return new Fee(lines.stream().mapToLong(FeeLine::amount).sum(), lines);
    }
}
