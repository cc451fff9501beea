package id.parkir.imagematch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * How well the matcher tells "the same vehicle" from "another vehicle", measured on the shared
 * scene set {@code data/plates/id_scenes_train} (200 source photos x 3 augmentations; never copied
 * into the repository). The folder holding {@code data/} comes from the system property
 * {@code parkir.shared} (default {@code ../../../shared}, i.e. next to the checkout); without the
 * data the test is skipped.
 *
 * <ul>
 * <li>positive pairs: two augmentations of the same source photo (all 600 such pairs);</li>
 * <li>negative pairs: two photos with different plate text, a fixed-seed sample of 3000.</li>
 * </ul>
 * Two rounds: the pairs as they are ("augmentations"), and the same pairs with the second photo
 * of each re-shot by a simulated other camera ("other camera": shift, zoom, rotation, perspective
 * tilt, exposure change, JPEG re-encoding), closer to an entry and an exit gate.
 *
 * <p>Prints ROC AUC, score distributions and ms per pair; asserts the separation.
 * Run alone: {@code mvn -B -o test -f bundles/id.parkir.imagematch/pom.xml -Dtest=PairEvaluationTest}.
 */
class PairEvaluationTest {

    private static final int NEGATIVES = 3000;
    private static final long SEED = 20240601L;
    private static final int TIMED_PAIRS = 300;

    private record Photo(String file, String plate, byte[] bytes) {
    }

    private record Pair(int a, int b, boolean same) {
    }

    @Test
    void separatesSameVehicleFromOtherVehicles() throws IOException {
        Path shared = Path.of(System.getProperty("parkir.shared", "../../../shared"));
        Path set = shared.resolve("data/plates/id_scenes_train");
        assumeTrue(Files.isRegularFile(set.resolve("labels.csv")),
                "evaluation data not found at " + set.toAbsolutePath().normalize() + " (set -Dparkir.shared)");

        List<Photo> photos = load(set);
        List<Pair> pairs = pairs(photos);
        OpenCvImageMatcher matcher = new OpenCvImageMatcher();

        System.out.printf(Locale.ROOT, "%nImage matcher evaluation on %s: %d photos, %d positive pairs, %d negative pairs%n",
                set.toAbsolutePath().normalize(), photos.size(), pairs.stream().filter(Pair::same).count(),
                pairs.stream().filter(p -> !p.same()).count());

        // Round 1: the augmentations as they are.
        List<byte[]> second = photos.stream().map(Photo::bytes).toList();
        Result plain = evaluate("augmentations", matcher, photos, second, pairs);
        assertTrue(plain.auc >= 0.99, "AUC " + plain.auc);
        assertTrue(plain.pos[plain.pos.length / 20] > plain.neg[plain.neg.length * 99 / 100],
                "5th percentile of positives must lie above the 99th percentile of negatives");
        assertTrue(plain.meanPos >= 0.8 && plain.meanNeg <= 0.1, "means " + plain.meanPos + " / " + plain.meanNeg);

        // Round 2: the second photo of every pair taken by another (simulated) camera.
        Random camera = new Random(SEED);
        List<byte[]> reshot = photos.stream().map(p -> otherCamera(p.bytes(), camera)).toList();
        Result moved = evaluate("other camera", matcher, photos, reshot, pairs);
        assertTrue(moved.auc >= 0.97, "AUC " + moved.auc);
        assertTrue(moved.pos[moved.pos.length / 20] > moved.neg[moved.neg.length * 95 / 100],
                "5th percentile of positives must lie above the 95th percentile of negatives");
    }

    private static final class Result {
        double auc;
        double[] pos;
        double[] neg;
        double meanPos;
        double meanNeg;
    }

    private static Result evaluate(String name, OpenCvImageMatcher matcher, List<Photo> photos,
            List<byte[]> second, List<Pair> pairs) {
        // Each photo is reduced once; a pair's score is then exactly what score(bytes, bytes) gives
        // (checked below on the timed pairs).
        long t0 = System.nanoTime();
        OpenCvImageMatcher.Features[] first = new OpenCvImageMatcher.Features[photos.size()];
        OpenCvImageMatcher.Features[] other = new OpenCvImageMatcher.Features[photos.size()];
        for (int i = 0; i < photos.size(); i++) {
            first[i] = matcher.extract(photos.get(i).bytes(), "entry");
            other[i] = matcher.extract(second.get(i), "exit");
        }
        double extractMs = (System.nanoTime() - t0) / 1e6 / (2 * photos.size());
        OpenCvImageMatcher.Parts[] parts = new OpenCvImageMatcher.Parts[pairs.size()];
        long t1 = System.nanoTime();
        for (int k = 0; k < pairs.size(); k++) {
            parts[k] = matcher.compare(first[pairs.get(k).a()], other[pairs.get(k).b()]);
        }
        double compareMs = (System.nanoTime() - t1) / 1e6 / pairs.size();
        for (int i = 0; i < photos.size(); i++) {
            first[i].release();
            other[i].release();
        }

        // End to end, as the service is called: decode both, reduce both, compare.
        Random pick = new Random(SEED + 1);
        long t2 = System.nanoTime();
        for (int k = 0; k < TIMED_PAIRS; k++) {
            int idx = pick.nextInt(pairs.size());
            Pair p = pairs.get(idx);
            double s = matcher.score(photos.get(p.a()).bytes(), second.get(p.b()));
            assertEquals(parts[idx].score(), s, 1e-12, "cached and end-to-end score differ");
        }
        double endToEndMs = (System.nanoTime() - t2) / 1e6 / TIMED_PAIRS;

        Result r = new Result();
        r.pos = select(pairs, parts, true, OpenCvImageMatcher.Parts::score);
        r.neg = select(pairs, parts, false, OpenCvImageMatcher.Parts::score);
        r.auc = auc(r.pos, r.neg);
        r.meanPos = Arrays.stream(r.pos).average().orElse(0);
        r.meanNeg = Arrays.stream(r.neg).average().orElse(0);

        System.out.printf(Locale.ROOT, "%n[%s]%n", name);
        System.out.printf(Locale.ROOT, "  score     ROC AUC %.5f%n", r.auc);
        System.out.printf(Locale.ROOT, "  positives %s%n", describe(r.pos));
        System.out.printf(Locale.ROOT, "  negatives %s%n", describe(r.neg));
        System.out.printf(Locale.ROOT, "  histogram (score bins of 0.1)  pos %s%n", histogram(r.pos));
        System.out.printf(Locale.ROOT, "                                 neg %s%n", histogram(r.neg));
        for (String cue : List.of("colour", "inliers")) {
            ToDoubleFunction<OpenCvImageMatcher.Parts> f = cue.equals("colour")
                    ? OpenCvImageMatcher.Parts::colour : p -> p.inliers();
            double[] cp = select(pairs, parts, true, f);
            double[] cn = select(pairs, parts, false, f);
            System.out.printf(Locale.ROOT, "  cue %-7s AUC %.5f  pos %s%n                        neg %s%n",
                    cue, auc(cp, cn), describe(cp), describe(cn));
        }
        for (boolean same : new boolean[] {false, true}) {
            List<Integer> order = new ArrayList<>();
            for (int k = 0; k < pairs.size(); k++) {
                if (pairs.get(k).same() == same) {
                    order.add(k);
                }
            }
            order.sort((x, y) -> same ? Double.compare(parts[x].score(), parts[y].score())
                    : Double.compare(parts[y].score(), parts[x].score()));
            System.out.printf(Locale.ROOT, "  %s:%n", same ? "lowest positives" : "highest negatives");
            for (int k : order.subList(0, 3)) {
                System.out.printf(Locale.ROOT, "    %.3f  %s vs %s  %s%n", parts[k].score(),
                        photos.get(pairs.get(k).a()).file(), photos.get(pairs.get(k).b()).file(), parts[k]);
            }
        }
        System.out.printf(Locale.ROOT, "  time: %.2f ms to decode+reduce one photo, %.2f ms to compare two reduced photos,"
                + " %.2f ms per pair end to end (score(bytes, bytes), %d pairs, one thread)%n",
                extractMs, compareMs, endToEndMs, TIMED_PAIRS);
        return r;
    }

    private static List<Photo> load(Path set) throws IOException {
        List<Photo> photos = new ArrayList<>();
        List<String> lines = Files.readAllLines(set.resolve("labels.csv"));
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",");
            photos.add(new Photo(f[0], f[1], Files.readAllBytes(set.resolve("images").resolve(f[0]))));
        }
        return photos;
    }

    /** All positive pairs (same source photo), then a fixed-seed sample of negative pairs. */
    private static List<Pair> pairs(List<Photo> photos) {
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < photos.size(); i++) {
            for (int j = i + 1; j < photos.size(); j++) {
                if (source(photos.get(i)).equals(source(photos.get(j)))) {
                    assertEquals(photos.get(i).plate(), photos.get(j).plate(), "augmentations share the plate");
                    pairs.add(new Pair(i, j, true));
                }
            }
        }
        Random r = new Random(SEED);
        Set<Long> seen = new HashSet<>();
        int n = photos.size();
        for (int made = 0; made < NEGATIVES; ) {
            int i = r.nextInt(n);
            int j = r.nextInt(n);
            if (i == j || photos.get(i).plate().equals(photos.get(j).plate())
                    || !seen.add((long) Math.min(i, j) * n + Math.max(i, j))) {
                continue;
            }
            pairs.add(new Pair(Math.min(i, j), Math.max(i, j), false));
            made++;
        }
        return pairs;
    }

    /** File name up to the underscore: the source photo the augmentation was made from. */
    private static String source(Photo p) {
        return p.file().substring(0, p.file().lastIndexOf('_'));
    }

    private static double[] select(List<Pair> pairs, OpenCvImageMatcher.Parts[] parts, boolean same,
            ToDoubleFunction<OpenCvImageMatcher.Parts> f) {
        List<Double> v = new ArrayList<>();
        for (int k = 0; k < pairs.size(); k++) {
            if (pairs.get(k).same() == same) {
                v.add(f.applyAsDouble(parts[k]));
            }
        }
        return v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    /** ROC AUC = probability that a random positive outscores a random negative (ties count half). */
    static double auc(double[] pos, double[] neg) {
        double wins = 0;
        for (double p : pos) {
            for (double q : neg) {
                wins += p > q ? 1 : p == q ? 0.5 : 0;
            }
        }
        return wins / ((double) pos.length * neg.length);
    }

    /** Nearest-rank percentile of a sorted array. */
    private static double pct(double[] sorted, double q) {
        int i = (int) Math.ceil(q / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static String describe(double[] s) {
        return String.format(Locale.ROOT, "n=%d mean=%.3f min=%.3f p1=%.3f p5=%.3f median=%.3f p95=%.3f p99=%.3f max=%.3f",
                s.length, Arrays.stream(s).average().orElse(0), s[0], pct(s, 1), pct(s, 5), pct(s, 50),
                pct(s, 95), pct(s, 99), s[s.length - 1]);
    }

    private static String histogram(double[] s) {
        int[] bins = new int[10];
        for (double v : s) {
            bins[Math.min(9, (int) (v * 10))]++;
        }
        return Arrays.toString(bins);
    }

    /**
     * The same photo as another camera would take it: shifted up to 8%, zoomed 0.85-1.15x,
     * rotated up to 6 degrees, corners jittered up to 8% (perspective), contrast 0.7-1.3x,
     * brightness -30..+30, JPEG quality 75.
     */
    static byte[] otherCamera(byte[] photo, Random r) {
        Mat img = Imgcodecs.imdecode(new MatOfByte(photo), Imgcodecs.IMREAD_COLOR);
        int w = img.cols();
        int h = img.rows();
        double zoom = 0.85 + 0.3 * r.nextDouble();
        double dx = (r.nextDouble() - 0.5) * 0.16 * w;
        double dy = (r.nextDouble() - 0.5) * 0.16 * h;
        double angle = Math.toRadians((r.nextDouble() - 0.5) * 12);
        Point[] src = {new Point(0, 0), new Point(w, 0), new Point(w, h), new Point(0, h)};
        Point[] dst = new Point[4];
        for (int k = 0; k < 4; k++) {
            double x = (src[k].x - w / 2.0) * zoom;
            double y = (src[k].y - h / 2.0) * zoom;
            dst[k] = new Point(w / 2.0 + x * Math.cos(angle) - y * Math.sin(angle) + dx + (r.nextDouble() - 0.5) * 0.16 * w,
                    h / 2.0 + x * Math.sin(angle) + y * Math.cos(angle) + dy + (r.nextDouble() - 0.5) * 0.16 * h);
        }
        Mat warp = Imgproc.getPerspectiveTransform(new MatOfPoint2f(src), new MatOfPoint2f(dst));
        Mat out = new Mat();
        Imgproc.warpPerspective(img, out, warp, img.size(), Imgproc.INTER_LINEAR, Core.BORDER_REFLECT);
        out.convertTo(out, -1, 0.7 + 0.6 * r.nextDouble(), (r.nextDouble() - 0.5) * 60);
        MatOfByte encoded = new MatOfByte();
        Imgcodecs.imencode(".jpg", out, encoded, new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, 75));
        byte[] bytes = encoded.toArray();
        for (Mat m : List.of(img, warp, out, encoded)) {
            m.release();
        }
        return bytes;
    }
}
