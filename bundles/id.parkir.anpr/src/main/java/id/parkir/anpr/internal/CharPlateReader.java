package id.parkir.anpr.internal;

import id.parkir.api.PluginProperties;
import id.parkir.api.anpr.GrayImage;
import id.parkir.api.anpr.PlateReader;
import id.parkir.api.anpr.PlateText;
import java.util.List;
import java.util.Optional;
import org.opencv.core.Mat;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** The bundled character classifier as a {@link PlateReader} of plate crops (Indonesian syntax). */
@Component(property = {PluginProperties.ID + "=" + CharPlateReader.ID,
        PluginProperties.NAME + "=Character classifier (OpenCV, trained on Indonesian plates)"})
public class CharPlateReader implements PlateReader {
    static final String ID = "opencv-chars";

    private final PlateFinder finder;

    @Activate
    public CharPlateReader() {
        this.finder = new PlateFinder(CharClassifier.shipped(), PlateSyntax.Mode.INDONESIA);
    }

    @Override
    public Optional<PlateText> read(GrayImage plate) {
        Mat image = OpenCv.toMat(plate);
        List<PlateFinder.Found> found = finder.find(image);
        try {
            return found.stream().findFirst().map(f -> new PlateText(f.reading().text(), f.reading().confidence()));
        } finally {
            PlateFinder.release(found);
            image.release();
        }
    }
}
