package id.parkir.ocr.tesseract.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import id.parkir.api.PluginProperties;
import id.parkir.api.anpr.GrayImage;
import id.parkir.api.anpr.PlateReader;
import id.parkir.api.anpr.PlateText;

/**
 * A {@link PlateReader} on Tesseract through Tess4J, with the native libraries from Maven Central
 * ({@code org.bytedeco:tesseract}/{@code leptonica}, linux-x86_64) carried inside this bundle.
 * Configuration PID {@code id.parkir.ocr.tesseract} (optional; the defaults suit Indonesian plates).
 * Safe for concurrent use: each read borrows one of at most {@code maxEngines} Tesseract instances.
 */
@Component(service = PlateReader.class, configurationPid = TesseractPlateReader.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = {PluginProperties.ID + "=tesseract", PluginProperties.NAME + "=Tesseract (Tess4J)"})
@Designate(ocd = TesseractPlateReader.Config.class)
public class TesseractPlateReader implements PlateReader {
    static final String PID = "id.parkir.ocr.tesseract";
    static final String PLATE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final Logger LOG = LoggerFactory.getLogger(TesseractPlateReader.class);

    @ObjectClassDefinition(name = "Parkir Tesseract plate reader", description = "OCR of plate crops with Tesseract (Tess4J)")
    public @interface Config {
        @AttributeDefinition(description = "Tesseract page segmentation mode; 7 = a single text line")
        int pageSegMode() default 7;

        @AttributeDefinition(description = "Characters Tesseract may answer with")
        String whitelist() default PLATE_CHARS;

        @AttributeDefinition(description = "Height in pixels the characters are scaled to before reading (30-40 reads best)")
        int charHeight() default 36;

        @AttributeDefinition(description = "Most Tesseract instances reading at once (each holds the model in memory)")
        int maxEngines() default 2;

        @AttributeDefinition(description = "Fit readings to Indonesian plate syntax (region letters, number, suffix letters), "
                + "swapping look-alike characters (0/O, 8/B, 5/S ...) and dropping a frame edge read as I or 1")
        boolean plateSyntax() default true;

        @AttributeDefinition(description = "Tesseract language; other than eng needs tessdataDir")
        String language() default "eng";

        @AttributeDefinition(description = "Folder with <language>.traineddata; empty = the eng model shipped in this bundle")
        String tessdataDir() default "";
    }

    /** The settings of {@link Config}, as a plain value for use without OSGi. */
    record Settings(int pageSegMode, String whitelist, int charHeight, int maxEngines, boolean plateSyntax,
            String language, String tessdataDir) {
        static Settings defaults() {
            return new Settings(7, PLATE_CHARS, 36, 2, true, "eng", "");
        }

        static Settings of(Config c) {
            return new Settings(c.pageSegMode(), c.whitelist(), c.charHeight(), c.maxEngines(), c.plateSyntax(),
                    c.language(), c.tessdataDir());
        }
    }

    private volatile EnginePool pool;
    private volatile PlatePreprocessor preprocessor;
    private volatile boolean plateSyntax;

    @Activate
    void activate(Config config) throws IOException {
        start(Settings.of(config), NativeSetup.defaultBase());
    }

    /** Extracts the natives and model if needed, makes the first engine and logs where everything is. */
    void start(Settings s, Path base) throws IOException {
        NativeSetup.Paths paths = NativeSetup.setUp(base);
        String datapath = s.tessdataDir() == null || s.tessdataDir().isBlank()
                ? paths.tessdataDir().toAbsolutePath().toString() : s.tessdataDir();
        EnginePool p = new EnginePool(
                () -> new TessEngine(paths.api(), datapath, s.language(), s.pageSegMode(), s.whitelist(), false), s.maxEngines());
        p.offer(new TessEngine(paths.api(), datapath, s.language(), s.pageSegMode(), s.whitelist(), false));
        preprocessor = new PlatePreprocessor(s.charHeight());
        plateSyntax = s.plateSyntax();
        pool = p;
        LOG.info("Tesseract {} plate reader ready: natives in {}, tessdata {}, language {}, psm {}, up to {} engines",
                TessEngine.version(paths.api()), paths.nativeDir() == null ? "(system libraries)" : paths.nativeDir().toAbsolutePath(),
                datapath, s.language(), s.pageSegMode(), s.maxEngines());
    }

    @Deactivate
    void deactivate() {
        EnginePool p = pool;
        pool = null;
        if (p != null) {
            p.close();
        }
    }

    @Override
    public Optional<PlateText> read(GrayImage plate) {
        EnginePool p = pool;
        if (plate == null || p == null) {
            return Optional.empty();
        }
        Optional<GrayImage> prepared = preprocessor.prepare(plate);
        if (prepared.isEmpty()) {
            return Optional.empty();
        }
        TessEngine engine;
        try {
            engine = p.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
        TessEngine.Raw raw;
        try {
            raw = engine.recognise(prepared.get());
        } catch (RuntimeException e) {
            LOG.warn("Tesseract failed on a {}x{} plate crop", plate.width(), plate.height(), e);
            return Optional.empty();
        } finally {
            p.give(engine);
        }
        String text = normalise(raw.text());
        if (plateSyntax) {
            text = IndonesianPlateSyntax.correct(text);
        }
        if (text.isEmpty()) {
            return Optional.empty();
        }
        double confidence = Math.max(0, Math.min(100, raw.meanConfidence())) / 100.0;
        return Optional.of(new PlateText(text, confidence));
    }

    /** Upper case, letters and digits only. */
    static String normalise(String raw) {
        if (raw == null) {
            return "";
        }
        return raw.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }
}
