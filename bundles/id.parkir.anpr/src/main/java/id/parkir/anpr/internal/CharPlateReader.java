package id.parkir.anpr.internal;

import id.parkir.api.PluginProperties;
import id.parkir.api.anpr.GrayImage;
import id.parkir.api.anpr.PlateReader;
import id.parkir.api.anpr.PlateText;
import java.util.Optional;
import org.opencv.core.Mat;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** The bundled character classifier as a {@link PlateReader} of plate crops (Indonesian syntax). */
@Component(property = {PluginProperties.ID + "=" + CharPlateReader.ID,
        PluginProperties.NAME + "=Plate line and character networks (OpenCV, trained on Indonesian plates)"})
public class CharPlateReader implements PlateReader {
    static final String ID = "opencv-chars";

    private final PlatePipeline pipeline;

    @Activate
    public CharPlateReader() {
        this.pipeline = PlatePipeline.shipped(PlateSyntax.Mode.INDONESIA);
    }

    @Override
    public Optional<PlateText> read(GrayImage plate) {
        Mat image = OpenCv.toMat(plate);
        try {
            return pipeline.read(image).stream().findFirst().map(p -> new PlateText(p.text(), p.confidence()));
        } finally {
            image.release();
        }
    }
}
