package id.parkir.api;

/** Money is a {@code long} number of rupiah; this formats it the Indonesian way (Rp12.500). */
public final class Rupiah {
    /**
     * The largest amount any field accepts (Rp10.000.000.000): far above a day's takings, far
     * below where sums of amounts could overflow a {@code long}.
     */
    public static final long MAX = 10_000_000_000L;

    private Rupiah() {
    }

    /** Refuses (400 {@code amount_invalid}) an amount below zero or above {@link #MAX}; null passes. */
    public static Long requireAmount(String field, Long amount) {
        if (amount != null && (amount < 0 || amount > MAX)) {
            throw ParkirException.invalid("amount_invalid", field + " must be from 0 to " + MAX + " rupiah");
        }
        return amount;
    }

    public static String format(long amount) {
        String digits = Long.toString(Math.abs(amount));
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                grouped.append('.');
            }
            grouped.append(digits.charAt(i));
        }
        return (amount < 0 ? "-Rp" : "Rp") + grouped;
    }
}
