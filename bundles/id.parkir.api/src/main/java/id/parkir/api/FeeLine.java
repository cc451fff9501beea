package id.parkir.api;

/** One printed line of a fee: what it is for and how much, in rupiah. */
public record FeeLine(String label, long amount) {
}
