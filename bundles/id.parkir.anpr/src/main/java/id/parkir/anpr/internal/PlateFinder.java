package id.parkir.anpr.internal;

import id.parkir.api.anpr.Box;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Finds and reads plates by their characters, in two stages.
 * <ol>
 * <li>Candidates: the image is binarised at a few window sizes in both polarities (old Indonesian
 *     plates are white on black, new ones black on white); connected components shaped like
 *     characters that stand in a row with similar heights mark a candidate plate region.</li>
 * <li>Reading: each region is cut out, levelled (rotated by the slope of its row of characters) and
 *     scaled so characters are about {@value #CHAR_HEIGHT} px tall, then binarised again at several
 *     windows and thresholds (bold, blurred characters separate only at a high threshold, faint ones
 *     appear only at a low one); every row of characters found is classified and the rows that read
 *     as a valid plate are kept, best first.</li>
 * </ol>
 * A photo of a plate already cropped is simply one large candidate.
 */
public final class PlateFinder {
    /** Longest side the image is reduced to before the search (a 1080p frame is searched at 1280). */
    static final int MAX_SIDE = 1280;
    /** Shorter images are enlarged to this first: in a small scene plate characters can be 10 px tall. */
    static final int MIN_SIDE = 832;
    /** Character height the reading stage normalises each region to. */
    static final int CHAR_HEIGHT = 40;
    /** Reading thresholds: how much brighter than its neighbourhood a pixel must be to count as ink. */
    static final int[] OFFSETS = {8, 24, 40};
    static final int[] CANDIDATE_OFFSETS = {8, 24};
    /** At most this many candidate regions are read per image, largest rows first. */
    static final int MAX_REGIONS = 16;
    /** Widest component, in character heights, taken for characters touching each other rather than a smear. */
    static final double MAX_MERGED_WIDTH = 2.2;
    /** Width of one character, in character heights, for cutting touching characters apart. */
    static final double MERGED_CHAR_WIDTH = 0.6;
    /**
     * Log-probability bonus per character of a reading when readings compete, so that a full plate
     * outranks a confident fragment of it (the network's probabilities are sharp: a plate with one
     * unsure character must still beat the part of it before that character).
     */
    static final double CHAR_BONUS = 1.5;

    /**
     * How far a plate reaches beyond its row of characters, in character heights: the medians
     * over the labelled plates of id_scenes_train (PlateBoxCalibration, src/test); the bottom
     * holds the old plates' month/year line.
     */
    static final double PLATE_LEFT = 0.8;
    static final double PLATE_RIGHT = 0.85;
    static final double PLATE_TOP = 0.5;
    static final double PLATE_BOTTOM = 1.05;
    /** Foreign plates (syntax "any") have no month/year line: a plain margin all round, as before the calibration. */
    static final double FOREIGN_MARGIN_X = 0.35;
    static final double FOREIGN_MARGIN_Y = 0.3;
    /** The margins of the box the line reader reads, around the row of characters. */
    static final double ROW_MARGIN_X = 0.5;
    static final double ROW_MARGIN_Y = 0.3;

    private final CharClassifier classifier;
    private final PlateSyntax.Mode mode;

    public PlateFinder(CharClassifier classifier, PlateSyntax.Mode mode) {
        this.classifier = classifier;
        this.mode = mode;
    }

    /**
     * One plate found: its reading, the box in input-image pixels, and the grey crops (bright
     * character on dark) of the characters the reading used.
     */
    public record Found(PlateSyntax.Reading reading, Box box, Box row, List<Mat> crops) {
        /**
         * How plate-like: the reading's log probability plus a bonus per character, so a full
         * confident plate outranks a short confident fragment (a sticker, part of a sign).
         */
        public double rank() {
            return reading.logScore() + CHAR_BONUS * crops.size();
        }
    }

    record Component(Rect r, int area) {
        double cx() {
            return r.x + r.width / 2.0;
        }

        double cy() {
            return r.y + r.height / 2.0;
        }
    }

    /** A candidate plate region of the working image: where, which polarity, and the row that marked it. */
    record Region(Rect rect, boolean bright, List<Component> chain) {
        int charHeight() {
            int[] h = chain.stream().mapToInt(c -> c.r.height).sorted().toArray();
            return h[h.length / 2];
        }
    }

    /**
     * The plates in a grey image, best first. OpenCV memory is native: every temporary is released
     * here rather than whenever the garbage collector runs; the caller releases the returned
     * readings' {@link Found#crops()} (see {@link #release(List)}).
     */
    public List<Found> find(Mat gray) {
        double scale = workScale(gray);
        Mat work = working(gray, scale);
        Mat inverted = new Mat();
        List<Found> found = new ArrayList<>();
        try {
            Core.bitwise_not(work, inverted);
            for (Region region : candidates(work, inverted)) {
                found.addAll(read(region.bright() ? work : inverted, region, scale));
            }
            List<Found> kept = suppressOverlaps(new ArrayList<>(found));
            found.stream().filter(f -> !kept.contains(f)).forEach(f -> f.crops().forEach(Mat::release));
            return kept;
        } catch (RuntimeException e) {
            release(found);
            throw e;
        } finally {
            inverted.release();
            if (work != gray) {
                work.release();
            }
        }
    }

    /** Frees the character crops of readings {@link #find} returned. */
    public static void release(List<Found> found) {
        found.forEach(f -> f.crops().forEach(Mat::release));
    }

    /** The factor the image is resized by before the search. */
    static double workScale(Mat gray) {
        int longest = Math.max(gray.cols(), gray.rows());
        if (longest > MAX_SIDE) {
            return (double) MAX_SIDE / longest;
        }
        return longest < MIN_SIDE ? (double) MIN_SIDE / longest : 1;
    }

    static Mat working(Mat gray, double scale) {
        if (scale == 1) {
            return gray;
        }
        Mat work = new Mat();
        Imgproc.resize(gray, work, new Size(Math.round(gray.cols() * scale), Math.round(gray.rows() * scale)), 0, 0,
                scale < 1 ? Imgproc.INTER_AREA : Imgproc.INTER_CUBIC);
        return work;
    }

    // ---- stage 1: candidate regions ----------------------------------------------------------

    List<Region> candidates(Mat work, Mat inverted) {
        List<Region> regions = new ArrayList<>();
        for (boolean bright : new boolean[] {true, false}) {
            Mat src = bright ? work : inverted;
            for (int block : blockSizes(work)) {
                for (int offset : CANDIDATE_OFFSETS) {
                    Mat bin = new Mat();
                    Imgproc.adaptiveThreshold(src, bin, 255, Imgproc.ADAPTIVE_THRESH_MEAN_C, Imgproc.THRESH_BINARY, block, -offset);
                    removeFrameLines(bin);
                    for (List<Component> chain : chains(components(bin, 12, false))) {
                        regions.add(new Region(around(chain, work), bright, chain));
                    }
                    bin.release();
                }
            }
        }
        // the same row found at several windows is one candidate; keep its longest chain
        regions.sort(Comparator.comparingInt((Region r) -> r.chain().size()).reversed());
        List<Region> kept = new ArrayList<>();
        for (Region r : regions) {
            if (kept.stream().noneMatch(k -> k.bright() == r.bright() && overlap(k.rect(), r.rect()) > 0.6)) {
                kept.add(r);
            }
            if (kept.size() == MAX_REGIONS) {
                break;
            }
        }
        return kept;
    }

    /** The region to read around a row of characters: room for missed characters and the month/year line. */
    static Rect around(List<Component> chain, Mat img) {
        int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = 0, y1 = 0, h = 0;
        for (Component c : chain) {
            x0 = Math.min(x0, c.r.x);
            y0 = Math.min(y0, c.r.y);
            x1 = Math.max(x1, c.r.x + c.r.width);
            y1 = Math.max(y1, c.r.y + c.r.height);
            h = Math.max(h, c.r.height);
        }
        int left = Math.max(0, x0 - 2 * h);
        int top = Math.max(0, y0 - h / 2);
        int right = Math.min(img.cols(), x1 + 2 * h);
        int bottom = Math.min(img.rows(), y1 + h);
        return new Rect(left, top, right - left, bottom - top);
    }

    /** Intersection over the smaller area. */
    static double overlap(Rect a, Rect b) {
        int ix = Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x));
        int iy = Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));
        return (double) ix * iy / Math.min(a.area(), b.area());
    }

    /** Adaptive-threshold windows of about two to three character heights, for small and large characters. */
    static List<Integer> blockSizes(Mat img) {
        int minSide = Math.min(img.cols(), img.rows());
        List<Integer> sizes = new ArrayList<>();
        for (int b : new int[] {19, 41, 91, 181}) {
            // the widest window serves close-ups (a crop, a plate filling the frame); a scene's plate
            // characters are under 60 px tall, and that window cost a quarter of a 1280x720 search
            if (b < minSide * 1.2 && !(b == 181 && minSide >= 600)) {
                sizes.add(b);
            }
        }
        if (sizes.isEmpty()) {
            sizes.add((minSide / 2) * 2 + 1);
        }
        return sizes;
    }

    // ---- stage 2: reading a region -------------------------------------------------------------

    private List<Found> read(Mat src, Region region, double scale) {
        List<Mat> scratch = new ArrayList<>();
        try {
            return read(src, region, scale, scratch);
        } finally {
            scratch.forEach(Mat::release); // the readings' crops keep what they need of norm alive
        }
    }

    private List<Found> read(Mat src, Region region, double scale, List<Mat> scratch) {
        Mat crop = src.submat(region.rect());
        scratch.add(crop);
        double f = Math.max(0.25, Math.min(4.0, (double) CHAR_HEIGHT / region.charHeight()));
        Mat norm = new Mat();
        scratch.add(norm);
        Imgproc.resize(crop, norm, new Size(Math.max(8, Math.round(crop.cols() * f)), Math.max(8, Math.round(crop.rows() * f))),
                0, 0, f < 1 ? Imgproc.INTER_AREA : Imgproc.INTER_CUBIC);
        double angle = slopeDegrees(region.chain());
        if (Math.abs(angle) > 1.5) {
            Mat rotation = Imgproc.getRotationMatrix2D(new Point(norm.cols() / 2.0, norm.rows() / 2.0), angle, 1);
            Mat level = new Mat();
            scratch.add(rotation);
            scratch.add(level);
            Imgproc.warpAffine(norm, level, rotation, norm.size(), Imgproc.INTER_LINEAR, Core.BORDER_REPLICATE);
            norm = level;
        }
        List<Found> found = new ArrayList<>();
        // the binarisations mostly cut the same characters: classify each crop of the region once
        Map<Rect, double[]> classified = new HashMap<>();
        for (int block : new int[] {CHAR_HEIGHT + 1, 2 * CHAR_HEIGHT + 1, 4 * CHAR_HEIGHT + 1}) {
            if (block > Math.max(norm.cols(), norm.rows()) * 1.5) {
                continue;
            }
            for (int offset : OFFSETS) {
                Mat bin = new Mat();
                Imgproc.adaptiveThreshold(norm, bin, 255, Imgproc.ADAPTIVE_THRESH_MEAN_C, Imgproc.THRESH_BINARY, block, -offset);
                removeFrameLines(bin);
                for (List<Component> chain : chains(components(bin, CHAR_HEIGHT / 2, true))) {
                    Found r = classify(norm, chain, classified, region.rect(), f, scale);
                    if (r != null) {
                        found.add(r);
                    }
                }
                bin.release();
            }
        }
        return found;
    }

    /** Slope of the row through the characters' centres, in degrees (image y grows downwards). */
    static double slopeDegrees(List<Component> chain) {
        if (chain.size() < 3) {
            return 0;
        }
        double mx = chain.stream().mapToDouble(Component::cx).average().orElse(0);
        double my = chain.stream().mapToDouble(Component::cy).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        for (Component c : chain) {
            sxy += (c.cx() - mx) * (c.cy() - my);
            sxx += (c.cx() - mx) * (c.cx() - mx);
        }
        return sxx == 0 ? 0 : Math.toDegrees(Math.atan(sxy / sxx));
    }

    private Found classify(Mat norm, List<Component> chain, Map<Rect, double[]> classified, Rect region, double f,
            double scale) {
        List<Mat> crops = new ArrayList<>(chain.size());
        List<Rect> cuts = new ArrayList<>(chain.size());
        List<Rect> unseen = new ArrayList<>();
        List<Mat> unseenCrops = new ArrayList<>();
        for (Component c : chain) {
            Rect r = pad(c.r, norm, 1);
            Mat crop = norm.submat(r);
            crops.add(crop);
            cuts.add(r);
            if (!classified.containsKey(r) && !unseen.contains(r)) {
                unseen.add(r);
                unseenCrops.add(crop);
            }
        }
        double[][] fresh = classifier.probabilities(unseenCrops);
        for (int i = 0; i < fresh.length; i++) {
            classified.put(unseen.get(i), fresh[i]);
        }
        double[][] probabilities = cuts.stream().map(classified::get).toArray(double[][]::new);
        PlateSyntax.Reading reading = PlateSyntax.best(probabilities, notCharPriors(chain, norm.cols()), mode);
        if (reading == null) {
            crops.forEach(Mat::release);
            return null;
        }
        List<Rect> used = new ArrayList<>();
        List<Mat> kept = new ArrayList<>();
        for (int i = 0; i < crops.size(); i++) {
            if (i >= reading.first() && i <= reading.last()) {
                used.add(chain.get(i).r);
                kept.add(crops.get(i));
            } else {
                crops.get(i).release(); // a submat holds its parent's pixels until released
            }
        }
        Box plate = mode == PlateSyntax.Mode.INDONESIA
                ? plateBox(used, region, f, scale, PLATE_LEFT, PLATE_RIGHT, PLATE_TOP, PLATE_BOTTOM)
                : plateBox(used, region, f, scale, FOREIGN_MARGIN_X, FOREIGN_MARGIN_X, FOREIGN_MARGIN_Y, FOREIGN_MARGIN_Y);
        return new Found(reading, plate, plateBox(used, region, f, scale, ROW_MARGIN_X, ROW_MARGIN_X, ROW_MARGIN_Y, ROW_MARGIN_Y), kept);
    }

    /**
     * How likely each candidate is not a character: likely for a bar at either end that stands
     * apart from the row, is taller than the characters or touches the edge of the image (the
     * plate's frame), unlikely for anything else.
     */
    static double[] notCharPriors(List<Component> chain, int width) {
        int n = chain.size();
        double[] prior = new double[n];
        Arrays.fill(prior, PlateSyntax.NOT_CHAR);
        if (n < 4) {
            return prior;
        }
        int[] gaps = new int[n - 1];
        for (int i = 0; i + 1 < n; i++) {
            gaps[i] = chain.get(i + 1).r.x - (chain.get(i).r.x + chain.get(i).r.width);
        }
        int[] sortedGaps = gaps.clone();
        Arrays.sort(sortedGaps);
        double medianGap = Math.max(1, sortedGaps[sortedGaps.length / 2]);
        int[] heights = chain.stream().mapToInt(c -> c.r.height).sorted().toArray();
        double medianHeight = heights[n / 2];
        for (int end : new int[] {0, n - 1}) {
            Rect r = chain.get(end).r;
            int gap = end == 0 ? gaps[0] : gaps[n - 2];
            boolean bar = r.width * 4 < r.height;
            boolean atEdge = r.x <= 1 || r.x + r.width >= width - 1;
            if (bar && (atEdge || gap > 1.5 * medianGap || r.height > 1.12 * medianHeight)) {
                prior[end] = PlateSyntax.BAR_NOT_CHAR;
            }
        }
        return prior;
    }

    private static Rect pad(Rect r, Mat img, int p) {
        int x = Math.max(0, r.x - p);
        int y = Math.max(0, r.y - p);
        return new Rect(x, y, Math.min(img.cols(), r.x + r.width + p) - x, Math.min(img.rows(), r.y + r.height + p) - y);
    }

    /** The plate around a row of characters of a region (scaled by f), in input-image pixels. */
    /**
     * A box around the characters a reading used, in input-image pixels, reaching beyond them by
     * the given margins (in character heights).
     */
    static Box plateBox(List<Rect> chars, Rect region, double f, double scale, double left, double right, double top,
            double bottom) {
        int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = 0, y1 = 0, h = 0;
        for (Rect r : chars) {
            x0 = Math.min(x0, r.x);
            y0 = Math.min(y0, r.y);
            x1 = Math.max(x1, r.x + r.width);
            y1 = Math.max(y1, r.y + r.height);
            h = Math.max(h, r.height);
        }
        double k = f * scale;
        return new Box((int) Math.round((x0 - left * h) / k + region.x / scale), (int) Math.round((y0 - top * h) / k + region.y / scale),
                (int) Math.round((x1 - x0 + (left + right) * h) / k), (int) Math.round((y1 - y0 + (top + bottom) * h) / k));
    }

    // ---- shared: components and rows ------------------------------------------------------------

    /**
     * Erases long straight runs (the plate's frame, the bumper edge) so that characters touching
     * them become components of their own: horizontal runs of at least a fifth of the width, then
     * vertical runs of at least three quarters of the height. (The same as a morphological opening
     * with a line, but linear in the pixels: the opening cost half the time of a 1280x720 search.)
     */
    static void removeFrameLines(Mat bin) {
        int w = bin.cols();
        int h = bin.rows();
        byte[] px = new byte[w * h];
        Mat continuous = bin.isContinuous() ? bin : bin.clone();
        continuous.get(0, 0, px);
        int minRow = Math.max(15, w / 5);
        for (int y = 0; y < h; y++) {
            int row = y * w;
            int start = -1;
            for (int x = 0; x <= w; x++) {
                boolean ink = x < w && px[row + x] != 0;
                if (ink && start < 0) {
                    start = x;
                } else if (!ink && start >= 0) {
                    if (x - start >= minRow) {
                        Arrays.fill(px, row + start, row + x, (byte) 0);
                    }
                    start = -1;
                }
            }
        }
        int minColumn = Math.max(15, (int) (h * 0.75));
        if (minColumn <= h) {
            int[] run = new int[w];
            for (int y = 0; y < h; y++) {
                int row = y * w;
                for (int x = 0; x < w; x++) {
                    if (px[row + x] != 0) {
                        run[x]++;
                    } else if (run[x] != 0) {
                        eraseColumn(px, w, x, y, run[x], minColumn);
                        run[x] = 0;
                    }
                }
            }
            for (int x = 0; x < w; x++) {
                eraseColumn(px, w, x, h, run[x], minColumn);
            }
        }
        bin.put(0, 0, px);
    }

    /** Erases the vertical run of {@code length} ending above row {@code end} of column x, if it is long enough. */
    private static void eraseColumn(byte[] px, int w, int x, int end, int length, int min) {
        if (length >= min) {
            for (int k = end - length; k < end; k++) {
                px[k * w + x] = 0;
            }
        }
    }

    /**
     * Connected components shaped like characters, left to right.
     *
     * @param splitTouching whether a component as wide as two or three characters is cut into them
     */
    static List<Component> components(Mat bin, int minHeight, boolean splitTouching) {
        Mat labels = new Mat();
        Mat stats = new Mat();
        Mat centroids = new Mat();
        int n = Imgproc.connectedComponentsWithStats(bin, labels, stats, centroids, 8, CvType.CV_32S);
        int[] s = new int[5];
        List<Component> result = new ArrayList<>();
        int maxH = (int) (bin.rows() * 0.9);
        for (int i = 1; i < n; i++) {
            stats.get(i, 0, s);
            int w = s[2];
            int h = s[3];
            if (splitTouching && h >= minHeight && h <= maxH && w > h * 1.15 && w <= h * MAX_MERGED_WIDTH) {
                result.addAll(splitMerged(labels, i, new Rect(s[0], s[1], w, h)));
                continue;
            }
            if (h < minHeight || h > maxH || w > h * 1.15 || w < 2) {
                continue;
            }
            double fill = (double) s[4] / (w * h);
            boolean thin = h > w * 4; // "1" and "I": a solid bar is fine, a hairline is not
            if (thin ? (h > w * 25 || fill < 0.4) : (fill < 0.15 || fill > 0.95)) {
                continue;
            }
            result.add(new Component(new Rect(s[0], s[1], w, h), s[4]));
        }
        labels.release();
        stats.release();
        centroids.release();
        result.sort(Comparator.comparingInt(c -> c.r.x));
        return result;
    }

    /**
     * Cuts a component too wide for one character, as two or three characters touching each other
     * come out of a binarisation, into pieces about a character wide, each cut at the column with
     * the least ink near where it is expected. A piece that is no character (the wide component was
     * a smear, a sticker) is for the classifier to reject.
     */
    static List<Component> splitMerged(Mat labels, int label, Rect r) {
        int[] px = new int[r.width * r.height];
        Mat window = labels.submat(r);
        window.get(0, 0, px);
        window.release();
        int[] ink = new int[r.width];
        for (int y = 0; y < r.height; y++) {
            for (int x = 0; x < r.width; x++) {
                ink[x] += px[y * r.width + x] == label ? 1 : 0;
            }
        }
        int pieces = Math.max(2, Math.min(3, (int) Math.round(r.width / (MERGED_CHAR_WIDTH * r.height))));
        int[] cuts = new int[pieces + 1];
        cuts[pieces] = r.width;
        for (int k = 1; k < pieces; k++) {
            int expected = r.width * k / pieces;
            int reach = r.width / (3 * pieces);
            int best = expected;
            for (int x = Math.max(cuts[k - 1] + 2, expected - reach); x <= Math.min(r.width - 3, expected + reach); x++) {
                if (ink[x] < ink[best]) {
                    best = x;
                }
            }
            cuts[k] = best;
        }
        List<Component> result = new ArrayList<>();
        for (int k = 0; k < pieces; k++) {
            int top = r.height;
            int bottom = -1;
            int area = 0;
            for (int y = 0; y < r.height; y++) {
                for (int x = cuts[k]; x < cuts[k + 1]; x++) {
                    if (px[y * r.width + x] == label) {
                        top = Math.min(top, y);
                        bottom = y;
                        area++;
                    }
                }
            }
            int w = cuts[k + 1] - cuts[k];
            if (bottom >= top && w >= 2 && bottom - top + 1 >= r.height * 0.6) {
                result.add(new Component(new Rect(r.x + cuts[k], r.y + top, w, bottom - top + 1), area));
            }
        }
        return result;
    }

    /** Links each component to its nearest right neighbour of similar height on the same line; returns chains of 3 to 12. */
    static List<List<Component>> chains(List<Component> comps) {
        int n = comps.size();
        int[] next = new int[n];
        int[] prev = new int[n];
        Arrays.fill(next, -1);
        Arrays.fill(prev, -1);
        for (int i = 0; i < n; i++) {
            Component a = comps.get(i);
            int best = -1;
            double bestGap = Double.MAX_VALUE;
            for (int j = i + 1; j < n; j++) {
                Component b = comps.get(j);
                double h = Math.max(a.r.height, b.r.height);
                int gap = b.r.x - (a.r.x + a.r.width);
                if (gap > 2.0 * h) {
                    break; // sorted by x: all further ones are further away
                }
                if (gap < -0.15 * h) {
                    continue;
                }
                double ratio = (double) Math.max(a.r.height, b.r.height) / Math.min(a.r.height, b.r.height);
                if (ratio > 1.3 || Math.abs(a.cy() - b.cy()) > 0.3 * h) {
                    continue;
                }
                if (gap < bestGap) {
                    bestGap = gap;
                    best = j;
                }
            }
            if (best >= 0 && prev[best] < 0) {
                next[i] = best;
                prev[best] = i;
            }
        }
        List<List<Component>> chains = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (prev[i] >= 0) {
                continue;
            }
            List<Component> chain = new ArrayList<>();
            for (int k = i; k >= 0; k = next[k]) {
                chain.add(comps.get(k));
            }
            if (chain.size() >= 3 && chain.size() <= 12) {
                chains.add(chain);
            }
        }
        return chains;
    }

    /** Best first; a weaker reading of the same place is dropped. */
    static List<Found> suppressOverlaps(List<Found> found) {
        found.sort(Comparator.comparingDouble(Found::rank).reversed());
        List<Found> kept = new ArrayList<>();
        for (Found f : found) {
            if (kept.stream().noneMatch(k -> k.box().iou(f.box()) > 0.3)) {
                kept.add(f);
            }
        }
        return kept;
    }
}
