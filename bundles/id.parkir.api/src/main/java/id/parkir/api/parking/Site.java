package id.parkir.api.parking;

/**
 * The site as screens and printed tickets show it: its name and address (clean single-line text),
 * the time zone and day boundary that dates and overnight stays follow, and the currency of every
 * amount (whole rupiah).
 */
public record Site(String name, String address, String timeZone, String dayBoundary, String currency) {
    public static final String CURRENCY = "IDR";
}
