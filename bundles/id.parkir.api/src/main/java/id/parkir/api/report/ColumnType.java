package id.parkir.api.report;

/**
 * What a report column holds, so each format writes it as its own type: a spreadsheet gets real
 * numbers with a Rupiah format, a PDF right-aligned figures, a CSV plain values.
 * Java types of the values: TEXT {@code String}; INTEGER and MONEY (whole rupiah) {@code Long};
 * DECIMAL {@code Double}; DATE {@code java.time.LocalDate}; DATE_TIME {@code java.time.LocalDateTime}
 * in the site's time zone; MINUTES {@code Long} (a duration). Any value may be null (empty cell).
 */
public enum ColumnType {
    TEXT, INTEGER, MONEY, DECIMAL, DATE, DATE_TIME, MINUTES;

    /** Figures that can be summed and are right-aligned. */
    public boolean numeric() {
        return this == INTEGER || this == MONEY || this == DECIMAL || this == MINUTES;
    }
}
