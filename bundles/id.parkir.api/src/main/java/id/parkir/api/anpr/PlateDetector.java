package id.parkir.api.anpr;

import java.util.List;

/**
 * Finds plate regions in a scene, most likely first. A DS service with the properties
 * {@link id.parkir.api.PluginProperties#ID} and {@link id.parkir.api.PluginProperties#NAME}.
 */
public interface PlateDetector {
    List<Box> detect(GrayImage scene);
}
