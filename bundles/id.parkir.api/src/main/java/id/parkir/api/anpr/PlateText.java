package id.parkir.api.anpr;

/** What a reader made of one plate region: normalised text (upper case, no spaces) and its confidence 0..1. */
public record PlateText(String text, double confidence) {
}
