package id.parkir.api.anpr;

/**
 * The ANPR pipeline: finds and reads the plates in a photo (a full gate scene or a plate already
 * cropped). Used by the gates to fill in the plate the operator confirms.
 */
public interface PlateRecognizer {
    /**
     * @param encodedImage a JPEG or PNG file's bytes
     * @throws id.parkir.api.ParkirException {@code image_invalid} when the bytes are not a readable image
     */
    Recognition recognize(byte[] encodedImage);
}
