package id.parkir.anpr.internal;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Exports the training set of the shipped character CNN (char-cnn.onnx; the network itself is
 * trained by src/test/python/train_char_cnn.py). Examples come from sources outside the evaluation
 * sets:
 * <ol>
 * <li>../shared/data/plates/id_chars: 3911 labelled character crops (15% held out to report the
 *     network's accuracy);</li>
 * <li>characters rendered in plate-like sans-serif fonts (DejaVu, Liberation Narrow, Roboto
 *     Condensed, Open Sans Condensed, Noto, FreeSans; Debian packages fonts-dejavu-core
 *     fonts-liberation fonts-roboto-unhinted fonts-open-sans fonts-noto-core fonts-freefont-ttf),
 *     because id_chars is mostly the new plates' font and old plates use another;</li>
 * <li>characters harvested from ../shared/data/plates/id_scenes_train: the finder, with the model
 *     being replaced, reads each training scene, and where its reading has the label's length and
 *     agrees with it in most places, every character crop is kept with the label's character;</li>
 * <li>"not a character": the crops of readings the finder makes away from the labelled plate in
 *     those scenes, and pairs of characters stuck together.</li>
 * </ol>
 * Each example is written once as it is and several times distorted (rotation, shear, loose or
 * tight crop, blur, low resolution, stroke width, noise, contrast), as the network sees it:
 * normalised by {@link CharFeatures#normalise}.
 *
 * <pre>mvn -f bundles/id.parkir.anpr/pom.xml test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=id.parkir.anpr.internal.CharTrainingSet -Dexec.args=target/char-training
 * python3 bundles/id.parkir.anpr/src/test/python/train_char_cnn.py bundles/id.parkir.anpr/target/char-training \
 *     bundles/id.parkir.anpr/src/main/resources/id/parkir/anpr/internal/char-cnn.onnx</pre>
 */
public final class CharTrainingSet {
    static final int COPIES = Integer.getInteger("train.copies", 8);
    static final String[] FONTS = {
        "dejavu/DejaVuSans-Bold.ttf", "dejavu/DejaVuSansCondensed-Bold.ttf", "dejavu/DejaVuSansCondensed.ttf",
        "liberation/LiberationSansNarrow-Bold.ttf", "liberation/LiberationSansNarrow-Regular.ttf", "liberation/LiberationSans-Bold.ttf",
        "roboto/unhinted/RobotoCondensed-Bold.ttf", "roboto/unhinted/RobotoCondensed-Medium.ttf",
        "roboto/unhinted/RobotoCondensed-Regular.ttf", "roboto/unhinted/RobotoTTF/Roboto-Medium.ttf",
        "open-sans/OpenSans-CondBold.ttf", "open-sans/OpenSans-Semibold.ttf", "noto/NotoSans-Bold.ttf",
        "freefont/FreeSansBold.ttf"};
    /** Label of the "not a character" class. */
    static final int NOT_CHAR = CharClassifier.CLASSES.length();

    /** A character image (dark character on light background) and its class index. */
    record Sample(Mat image, int label) {
    }

    public static void main(String[] args) throws Exception {
        OpenCv.load();
        Path shared = Paths.get(System.getProperty("parkir.shared", "../../../shared"));
        Path out = Paths.get(args.length > 0 ? args[0] : "target/char-training");
        Path dir = shared.resolve("data/plates/id_chars");
        List<String> lines = Files.readAllLines(dir.resolve("labels.csv"));
        List<Sample> train = new ArrayList<>();
        List<Sample> held = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            Mat img = Imgcodecs.imread(dir.resolve("images").resolve(f[0]).toString(), Imgcodecs.IMREAD_GRAYSCALE);
            if (!img.empty()) {
                (Math.floorMod(f[0].hashCode(), 100) < 15 ? held : train)
                        .add(new Sample(darkOnLight(img), CharClassifier.CLASSES.indexOf(f[1].charAt(0))));
            }
        }
        List<Sample> chars = new ArrayList<>(train);
        chars.addAll(rendered());
        System.out.println("id_chars: " + train.size() + " training, " + held.size() + " held out; with fonts: " + chars.size());
        Random rnd = new Random(7);
        List<Sample> negatives = new ArrayList<>();
        if (CharClassifier.class.getResource(CharClassifier.MODEL_RESOURCE) != null) {
            CharClassifier current = CharClassifier.shipped();
            Path scenes = shared.resolve("data/plates/id_scenes_train");
            chars.addAll(harvest(current, scenes));
            negatives.addAll(negatives(current, scenes));
        } else {
            System.out.println("no shipped model to read the training scenes with: id_chars and fonts only (train, then export again)");
        }
        negatives.addAll(mergedPairs(chars, negatives.size() / 2 + 500, rnd));
        export(out.resolve("train.bin"), chars, negatives, COPIES, rnd);
        export(out.resolve("held.bin"), held, List.of(), 1, rnd);
    }

    /** Writes "PKCD", count, height, width, then per image its class byte and its normalised pixels. */
    static void export(Path file, List<Sample> chars, List<Sample> negatives, int copies, Random rnd) throws Exception {
        Files.createDirectories(file.toAbsolutePath().getParent());
        List<Sample> all = new ArrayList<>(chars);
        all.addAll(negatives);
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(0x504b4344);
            out.writeInt(all.size() * copies);
            out.writeInt(CharFeatures.H);
            out.writeInt(CharFeatures.W);
            byte[] px = new byte[CharFeatures.H * CharFeatures.W];
            int done = 0;
            for (Sample s : all) {
                if (++done % 500 == 0) {
                    System.gc(); // OpenCV Mats free their native memory only when collected
                }
                for (int k = 0; k < copies; k++) {
                    CharFeatures.normalise(k == 0 ? s.image() : augment(s.image(), rnd), false).get(0, 0, px);
                    out.writeByte(s.label());
                    out.write(px);
                }
            }
        }
        System.out.println("wrote " + file + ": " + all.size() * copies + " images (" + negatives.size() * copies + " not characters)");
    }

    /** A few id_chars crops are light on dark: turn every example into dark on light. */
    static Mat darkOnLight(Mat img) {
        double edge = (Core.mean(img.row(0)).val[0] + Core.mean(img.row(img.rows() - 1)).val[0]
                + Core.mean(img.col(0)).val[0] + Core.mean(img.col(img.cols() - 1)).val[0]) / 4;
        if (edge >= 128) {
            return img;
        }
        Mat inv = new Mat();
        Core.bitwise_not(img, inv);
        return inv;
    }

    /** Every class drawn in each available plate-like font, black on white, cropped to the ink. */
    static List<Sample> rendered() throws Exception {
        List<Sample> samples = new ArrayList<>();
        for (String file : FONTS) {
            Path path = Paths.get("/usr/share/fonts/truetype", file);
            if (!Files.exists(path)) {
                System.out.println("font missing, skipped: " + path);
                continue;
            }
            java.awt.Font font = java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT, path.toFile()).deriveFont(72f);
            for (int c = 0; c < CharClassifier.CLASSES.length(); c++) {
                java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(120, 120, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
                java.awt.Graphics2D g = img.createGraphics();
                g.setColor(java.awt.Color.WHITE);
                g.fillRect(0, 0, 120, 120);
                g.setColor(java.awt.Color.BLACK);
                g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
                g.setFont(font);
                g.drawString(String.valueOf(CharClassifier.CLASSES.charAt(c)), 20, 95);
                g.dispose();
                byte[] px = ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
                Mat m = new Mat(120, 120, CvType.CV_8UC1);
                m.put(0, 0, px);
                Mat ink = new Mat();
                Core.findNonZero(inverted(m), ink);
                Rect box = Imgproc.boundingRect(ink);
                samples.add(new Sample(m.submat(box).clone(), c));
            }
        }
        return samples;
    }

    private static Mat inverted(Mat m) {
        Mat inv = new Mat();
        Imgproc.threshold(m, inv, 128, 255, Imgproc.THRESH_BINARY_INV);
        return inv;
    }

    /** Reads every training scene with the finder and hands its label row and plates on. */
    static void readScenes(PlateFinder finder, Path scenes, BiConsumer<String[], List<PlateFinder.Found>> each) throws Exception {
        List<String> lines = Files.readAllLines(scenes.resolve("labels.csv"));
        int done = 0;
        for (String line : lines.subList(1, lines.size())) {
            if (++done % 50 == 0) {
                System.gc(); // OpenCV Mats free their native memory only when collected
            }
            String[] f = line.split(",");
            Mat gray = Imgcodecs.imread(scenes.resolve("images").resolve(f[0]).toString(), Imgcodecs.IMREAD_GRAYSCALE);
            each.accept(f, finder.find(gray));
        }
    }

    /** Crops are bright on dark; samples are dark on light. */
    private static Sample sample(Mat crop, int label) {
        Mat dark = new Mat();
        Core.bitwise_not(crop, dark);
        return new Sample(dark, label);
    }

    /** Characters of the training scenes whose reading agrees with the label in length and in most places. */
    static List<Sample> harvest(CharClassifier classifier, Path scenes) throws Exception {
        List<Sample> samples = new ArrayList<>();
        int[] plates = new int[1];
        readScenes(new PlateFinder(classifier, PlateSyntax.Mode.INDONESIA), scenes, (f, found) -> {
            String label = f[1];
            for (PlateFinder.Found plate : found) {
                String read = plate.reading().text();
                int agree = 0;
                for (int i = 0; i < read.length() && read.length() == label.length(); i++) {
                    agree += read.charAt(i) == label.charAt(i) ? 1 : 0;
                }
                if (read.length() == label.length() && agree * 3 >= read.length() * 2) {
                    for (int i = 0; i < plate.crops().size(); i++) {
                        samples.add(sample(plate.crops().get(i), CharClassifier.CLASSES.indexOf(label.charAt(i))));
                    }
                    plates[0]++;
                    break;
                }
            }
        });
        System.out.println("harvested " + samples.size() + " characters from " + plates[0] + " training scenes");
        return samples;
    }

    /**
     * Crops of the readings the finder makes away from the labelled plate in the training scenes:
     * bolts, grilles, lamps, stickers, the things that come out of a scene shaped like a character.
     */
    static List<Sample> negatives(CharClassifier classifier, Path scenes) throws Exception {
        List<Sample> samples = new ArrayList<>();
        readScenes(new PlateFinder(classifier, PlateSyntax.Mode.ANY), scenes, (f, found) -> {
            Rect plate = new Rect(Integer.parseInt(f[2]), Integer.parseInt(f[3]), Integer.parseInt(f[4]), Integer.parseInt(f[5]));
            for (PlateFinder.Found other : found) {
                Rect box = new Rect(other.box().x(), other.box().y(), other.box().w(), other.box().h());
                if (PlateFinder.overlap(box, plate) == 0) {
                    other.crops().forEach(crop -> samples.add(sample(crop, NOT_CHAR)));
                }
            }
        });
        System.out.println("not characters: " + samples.size() + " crops from the training scenes away from the plate");
        return samples;
    }

    /** Two characters side by side as one crop, as a bad binarisation merges them. */
    static List<Sample> mergedPairs(List<Sample> chars, int count, Random rnd) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Mat a = chars.get(rnd.nextInt(chars.size())).image();
            Mat b = chars.get(rnd.nextInt(chars.size())).image();
            Mat bScaled = new Mat();
            Imgproc.resize(b, bScaled, new Size(Math.max(2, b.cols() * (double) a.rows() / b.rows()), a.rows()));
            Mat pair = new Mat();
            Core.hconcat(List.of(a, bScaled), pair);
            samples.add(new Sample(pair, NOT_CHAR));
        }
        return samples;
    }

    /** One random distortion of a character crop (dark character on light, as in id_chars). */
    static Mat augment(Mat src, Random rnd) {
        Mat img = new Mat();
        // pad so rotation and shifts do not cut the character
        int pad = Math.max(4, src.rows() / 6);
        Core.copyMakeBorder(src, img, pad, pad, pad, pad, Core.BORDER_REPLICATE);
        double angle = rnd.nextGaussian() * 4;
        double shear = rnd.nextGaussian() * 0.08;
        double scale = 1 + rnd.nextGaussian() * 0.05;
        Point c = new Point(img.cols() / 2.0, img.rows() / 2.0);
        Mat m = Imgproc.getRotationMatrix2D(c, angle, scale);
        m.put(0, 1, m.get(0, 1)[0] + shear);
        Mat warped = new Mat();
        Imgproc.warpAffine(img, warped, m, img.size(), Imgproc.INTER_LINEAR, Core.BORDER_REPLICATE);
        // re-crop around the character with a random looseness: detections are never pixel-tight
        int mx = (int) Math.round(src.cols() * (rnd.nextDouble() * 0.25 - 0.08));
        int my = (int) Math.round(src.rows() * (rnd.nextDouble() * 0.18 - 0.06));
        int x0 = clamp(pad - mx + (int) Math.round(rnd.nextGaussian() * src.cols() * 0.04), 0, warped.cols() - 2);
        int y0 = clamp(pad - my + (int) Math.round(rnd.nextGaussian() * src.rows() * 0.03), 0, warped.rows() - 2);
        int x1 = clamp(pad + src.cols() + mx, x0 + 2, warped.cols());
        int y1 = clamp(pad + src.rows() + my, y0 + 2, warped.rows());
        Mat crop = warped.submat(new Rect(x0, y0, x1 - x0, y1 - y0)).clone();
        // low resolution: scene characters are often 10-20 px tall
        if (rnd.nextDouble() < 0.6) {
            double h = 9 + rnd.nextDouble() * 22;
            double f = Math.min(1.0, h / crop.rows());
            Mat small = new Mat();
            Imgproc.resize(crop, small, new Size(Math.max(2, crop.cols() * f), Math.max(2, crop.rows() * f)), 0, 0, Imgproc.INTER_AREA);
            crop = small;
        }
        if (rnd.nextDouble() < 0.4) {
            Imgproc.GaussianBlur(crop, crop, new Size(0, 0), 0.3 + rnd.nextDouble() * 0.9);
        }
        if (rnd.nextDouble() < 0.3) {
            Mat k = Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(2, 2));
            if (rnd.nextBoolean()) {
                Imgproc.erode(crop, crop, k);
            } else {
                Imgproc.dilate(crop, crop, k);
            }
        }
        if (rnd.nextDouble() < 0.5) {
            Mat noise = new Mat(crop.size(), CvType.CV_16S);
            Core.randn(noise, 0, 6 + rnd.nextDouble() * 10);
            Mat f = new Mat();
            crop.convertTo(f, CvType.CV_16S);
            Core.add(f, noise, f);
            f.convertTo(crop, CvType.CV_8U);
        }
        // contrast: faded or dirty plates
        double alpha = 0.5 + rnd.nextDouble() * 0.6;
        crop.convertTo(crop, -1, alpha, rnd.nextDouble() * 60);
        return crop;
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
