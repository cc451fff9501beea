package id.parkir.anpr.internal;

import id.parkir.api.ParkirException;
import id.parkir.api.PluginProperties;
import id.parkir.api.anpr.Box;
import id.parkir.api.anpr.PlateReader;
import id.parkir.api.anpr.PlateReading;
import id.parkir.api.anpr.PlateRecognizer;
import id.parkir.api.anpr.PlateText;
import id.parkir.api.anpr.Recognition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recognition pipeline: {@link PlatePipeline} finds the plates and reads them with the bundled
 * networks; when a reading is unsure, every other installed {@link PlateReader} (e.g. Tesseract)
 * reads the same plate region and the most confident reading that is a valid plate wins. Readings
 * at or above {@code autoAcceptAt} are marked for the operator screen to pre-confirm.
 */
@Component(service = PlateRecognizer.class, configurationPid = "id.parkir.anpr")
@Designate(ocd = AnprConfig.class)
public class OpenCvPlateRecognizer implements PlateRecognizer {
    private static final Logger LOG = LoggerFactory.getLogger(OpenCvPlateRecognizer.class);
    static final String ENGINE = "opencv-chars";

    private final PlatePipeline pipeline;
    private final AnprConfig config;
    private final PlateSyntax.Mode mode;
    /** Photos decoded and searched at once: bounds the native memory ANPR can hold. */
    final Semaphore turns;
    private final Map<PlateReader, String> otherReaders = new ConcurrentHashMap<>();

    @Activate
    public OpenCvPlateRecognizer(AnprConfig config) {
        this.config = config;
        this.mode = PlateSyntax.Mode.valueOf(config.syntax().trim().toUpperCase(Locale.ROOT));
        this.pipeline = PlatePipeline.shipped(mode);
        this.turns = new Semaphore(Math.max(1, config.maxConcurrentReads()), true);
        LOG.info("ANPR ready: character and plate line networks loaded, syntax {}, auto-accept at {}", mode,
                config.autoAcceptAt());
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(!(" + PluginProperties.ID + "=" + CharPlateReader.ID + "))")
    void bindReader(PlateReader reader, Map<String, Object> props) {
        otherReaders.put(reader, String.valueOf(props.getOrDefault(PluginProperties.ID, "reader")));
    }

    void unbindReader(PlateReader reader) {
        otherReaders.remove(reader);
    }

    @Override
    public Recognition recognize(byte[] encodedImage) {
        long t0 = System.nanoTime();
        boolean admitted;
        try {
            admitted = turns.tryAcquire(config.maxWaitSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            throw ParkirException.unavailable("anpr_busy", "the plate reader is busy with other photos: try again");
        }
        Mat gray = null;
        try {
            gray = OpenCv.decodeGray(encodedImage, config.maxImagePixels());
            return read(gray, t0);
        } finally {
            if (gray != null) {
                gray.release(); // native memory back now, not whenever the garbage collector runs
            }
            turns.release();
        }
    }

    private Recognition read(Mat gray, long t0) {
        List<PlateReading> plates = new ArrayList<>();
        String engine = ENGINE;
        for (PlatePipeline.Plate f : pipeline.read(gray)) {
            if (plates.size() >= config.maxPlates()) {
                break;
            }
            PlateText text = new PlateText(f.text(), f.confidence());
            // only the best plate gets a second opinion: the others are rarely the vehicle at the gate
            if (plates.isEmpty() && text.confidence() < config.secondOpinionBelow() && !otherReaders.isEmpty()) {
                Opinion other = secondOpinion(gray, f.box());
                if (other != null && other.text().confidence() > text.confidence()) {
                    text = other.text();
                    engine = ENGINE + "+" + other.reader();
                }
            }
            if (text.confidence() >= config.minConfidence()) {
                double confidence = Math.round(text.confidence() * 1000) / 1000.0;
                plates.add(new PlateReading(text.text(), confidence, f.box(),
                        engine.equals(ENGINE) && confidence >= config.autoAcceptAt()));
            }
        }
        return new Recognition(plates, engine, (System.nanoTime() - t0) / 1_000_000);
    }

    /** A reading by another installed reader, and that reader's id. */
    private record Opinion(PlateText text, String reader) {
    }

    /** Asks the other readers about the plate region; keeps valid plates only; the most confident wins. */
    private Opinion secondOpinion(Mat gray, Box box) {
        Rect r = new Rect(Math.max(0, box.x()), Math.max(0, box.y()), 0, 0);
        r.width = Math.min(gray.cols() - r.x, box.w());
        r.height = Math.min(gray.rows() - r.y, box.h());
        if (r.width < 8 || r.height < 8) {
            return null;
        }
        Mat region = gray.submat(r);
        var crop = OpenCv.toGray(region);
        region.release();
        Opinion best = null;
        for (Map.Entry<PlateReader, String> reader : otherReaders.entrySet()) {
            try {
                Optional<PlateText> t = reader.getKey().read(crop);
                if (t.isPresent() && (mode == PlateSyntax.Mode.ANY || id.parkir.api.Plate.isValid(t.get().text()))
                        && (best == null || t.get().confidence() > best.text().confidence())) {
                    best = new Opinion(t.get(), reader.getValue());
                }
            } catch (RuntimeException e) {
                LOG.warn("Plate reader {} failed: {}", reader.getValue(), e.toString());
            }
        }
        return best;
    }
}
