package id.parkir.api.anpr;

import java.util.Optional;

/**
 * Reads the text of one plate region (a crop of a scene, roughly rectified). Several readers may
 * be installed; the recognition pipeline asks them and keeps the best reading. A DS service with
 * the properties {@link id.parkir.api.PluginProperties#ID} and {@link id.parkir.api.PluginProperties#NAME}.
 */
public interface PlateReader {
    /** The plate's text, or empty when the region holds nothing readable. */
    Optional<PlateText> read(GrayImage plate);
}
