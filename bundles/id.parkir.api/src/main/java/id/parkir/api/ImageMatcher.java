package id.parkir.api;

/** Compares the entry and exit photos of a vehicle. */
public interface ImageMatcher {
    /** Similarity from 0 (different vehicles) to 1 (same photo); images are encoded JPEG or PNG. */
    double score(byte[] entryImage, byte[] exitImage);
}
