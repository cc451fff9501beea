package id.parkir.ocr.tesseract.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import id.parkir.api.anpr.GrayImage;

/**
 * Turns a plate crop into what Tesseract reads best: one line of dark characters on white, with
 * the characters about {@code charHeight} pixels tall and a white margin.
 *
 * <ol>
 * <li>Sauvola's local threshold, once for light ink (old plates: white on black) and once for dark
 * ink (new plates: black on white); the polarity whose main row holds more characters wins.</li>
 * <li>Connected components of the ink; character-like ones (not frame lines, not specks) are kept.</li>
 * <li>The main text row is the largest group of characters of similar height on one line, which
 * drops the small month/year line of Indonesian plates, screws and the frame.</li>
 * <li>The ink inside that row's band is split into components again (characters fused with the
 * frame above or below come free) and redrawn black on white, scaled (box filter down, bilinear up).</li>
 * </ol>
 * Pure Java and stateless, so it is safe for concurrent use.
 */
final class PlatePreprocessor {
    static final int MIN_WIDTH = 16;
    static final int MIN_HEIGHT = 8;
    /** Grey-level spread below which a crop is considered blank. */
    static final double MIN_STDDEV = 10.0;
    /** Sauvola's k; 0.2 read best on the development crops (0.1 to 0.3 tried). */
    static final double SAUVOLA_K = 0.2;
    /** The threshold window's half-size is the crop's height over this (4 to 16 tried). */
    static final int WINDOW_DIV = 10;

    private final int charHeight;

    PlatePreprocessor(int charHeight) {
        this.charHeight = Math.max(12, charHeight);
    }

    /** A component of the ink: bounding box and pixel count. */
    record Blob(int label, int x0, int y0, int x1, int y1, int area) {
        int w() {
            return x1 - x0 + 1;
        }

        int h() {
            return y1 - y0 + 1;
        }

        double cy() {
            return (y0 + y1) / 2.0;
        }
    }

    /** One polarity's ink, its main row and that row's band (median top and bottom of its characters). */
    record Candidate(boolean[] ink, List<Blob> row, int top, int bottom, double score) {
    }

    /** The image to give Tesseract, or empty when the crop is too small or blank to hold text. */
    Optional<GrayImage> prepare(GrayImage in) {
        return candidate(in).map(c -> render(c, in.width()));
    }

    /** The better polarity's ink and row, or empty when the crop is too small, blank or has no text row. */
    static Optional<Candidate> candidate(GrayImage in) {
        int w = in.width();
        int h = in.height();
        if (w < MIN_WIDTH || h < MIN_HEIGHT) {
            return Optional.empty();
        }
        byte[] px = in.pixels();
        int[] hist = new int[256];
        for (byte b : px) {
            hist[b & 0xff]++;
        }
        if (stddev(hist, px.length) < MIN_STDDEV) {
            return Optional.empty();
        }
        px = stretch(px, hist);
        Candidate best = null;
        for (boolean bright : new boolean[] {true, false}) {
            Candidate c = candidate(px, w, h, bright);
            if (c != null && (best == null || c.score() > best.score())) {
                best = c;
            }
        }
        return Optional.ofNullable(best);
    }

    private static Candidate candidate(byte[] px, int w, int h, boolean inkIsBright) {
        return candidate(sauvola(px, w, h, inkIsBright), w, h);
    }

    private static Candidate candidate(boolean[] ink, int w, int h) {
        int[] labels = new int[w * h];
        List<Blob> members = mainRow(components(ink, w, h, labels), w, h);
        if (members.isEmpty()) {
            return null;
        }
        int[] tops = members.stream().mapToInt(Blob::y0).sorted().toArray();
        int[] bottoms = members.stream().mapToInt(Blob::y1).sorted().toArray();
        int top = tops[tops.length / 2];
        int bottom = bottoms[bottoms.length / 2];
        int bandH = bottom - top + 1;
        // frame edges: thin, and reaching beyond the band above or below
        members.removeIf(b -> b.w() < bandH * 0.3 && (b.y0() < top - bandH * 0.12 || b.y1() > bottom + bandH * 0.12));
        if (members.isEmpty()) {
            return null;
        }
        // more characters first (a plate has up to 9), then taller ones
        double score = Math.min(members.size(), 9) + bandH / (double) h;
        return new Candidate(ink, members, top, bottom, score);
    }

    /**
     * Redraws the row: the ink between the band's top and bottom (plus a little margin) is split into
     * components again; those too small, too wide, far left or right of the row, or thin frame edges
     * are dropped.
     */
    GrayImage render(Candidate c, int w) {
        int band = c.bottom() - c.top() + 1;
        int margin = Math.max(1, (int) Math.round(band * 0.08));
        int h = c.ink().length / w;
        int y0 = Math.max(0, c.top() - margin);
        int y1 = Math.min(h - 1, c.bottom() + margin);
        int rowX0 = c.row().stream().mapToInt(Blob::x0).min().orElse(0);
        int rowX1 = c.row().stream().mapToInt(Blob::x1).max().orElse(w - 1);
        int ch = y1 - y0 + 1;
        boolean[] clip = Arrays.copyOfRange(c.ink(), y0 * w, (y1 + 1) * w);
        int[] labels = new int[w * ch];
        List<Blob> parts = components(clip, w, ch, labels);
        boolean[] keep = new boolean[parts.size() + 1];
        int x0 = Integer.MAX_VALUE;
        int x1 = -1;
        for (Blob b : parts) {
            boolean tallEnough = b.h() >= band * 0.4;
            boolean notTooWide = b.w() <= band * 1.6;
            boolean near = b.x1() >= rowX0 - band * 0.9 && b.x0() <= rowX1 + band * 0.9;
            double fill = (double) b.area() / ((double) b.w() * b.h());
            boolean frameEdge = b.h() >= band * 0.8 && b.w() <= band * 0.4 && (b.x1() < rowX0 || b.x0() > rowX1);
            if (tallEnough && notTooWide && near && !frameEdge && fill >= 0.08 && b.area() >= 12) {
                keep[b.label()] = true;
                x0 = Math.min(x0, b.x0());
                x1 = Math.max(x1, b.x1());
            }
        }
        if (x1 < 0) {
            x0 = rowX0;
            x1 = rowX1;
        }
        int cw = x1 - x0 + 1;
        float[] clean = new float[cw * ch];
        for (int y = 0; y < ch; y++) {
            for (int x = 0; x < cw; x++) {
                int l = labels[y * w + x + x0];
                clean[y * cw + x] = l > 0 && keep[l] ? 0f : 255f;
            }
        }
        double scale = (double) charHeight / band;
        int sw = Math.max(1, (int) Math.round(cw * scale));
        int sh = Math.max(1, (int) Math.round(ch * scale));
        float[] scaled = resize(clean, cw, ch, sw, sh);
        int pad = Math.max(8, charHeight / 2);
        int ow = sw + 2 * pad;
        int oh = sh + 2 * pad;
        byte[] out = new byte[ow * oh];
        Arrays.fill(out, (byte) 255);
        for (int y = 0; y < sh; y++) {
            for (int x = 0; x < sw; x++) {
                int v = Math.round(scaled[y * sw + x]);
                out[(y + pad) * ow + x + pad] = (byte) Math.max(0, Math.min(255, v));
            }
        }
        return new GrayImage(ow, oh, out);
    }

    /** The characters of the best-populated text row (similar heights, one line), left to right; empty when there is none. */
    static List<Blob> mainRow(List<Blob> blobs, int w, int h) {
        List<Blob> chars = new ArrayList<>();
        for (Blob b : blobs) {
            int bw = b.w();
            int bh = b.h();
            double fill = (double) b.area() / ((double) bw * bh);
            if (bh >= h * 0.2 && bh <= h * 0.97 && bw <= w * 0.3 && bw <= bh * 1.6 && fill >= 0.08 && fill <= 0.97
                    && b.area() >= 12) {
                chars.add(b);
            }
        }
        // the reference character whose row has the most members; taller wins ties
        Blob best = null;
        int bestCount = 0;
        for (Blob r : chars) {
            int count = 0;
            for (Blob c : chars) {
                if (similar(r, c)) {
                    count++;
                }
            }
            if (count > bestCount || (count == bestCount && best != null && r.h() > best.h())) {
                best = r;
                bestCount = count;
            }
        }
        List<Blob> members = new ArrayList<>();
        for (Blob c : chars) {
            if (similar(best, c)) {
                members.add(c);
            }
        }
        members.sort((a, b) -> Integer.compare(a.x0(), b.x0()));
        return members;
    }

    private static boolean similar(Blob r, Blob c) {
        double hr = r.h();
        return c.h() >= hr * 0.7 && c.h() <= hr / 0.7 && Math.abs(c.cy() - r.cy()) <= hr * 0.35;
    }

    /**
     * Sauvola's local threshold (window about a third of the crop's height) for dark ink or, with
     * {@code inkIsBright}, for light ink on a dark plate.
     */
    static boolean[] sauvola(byte[] px, int w, int h, boolean inkIsBright) {
        int r = Math.max(7, h / WINDOW_DIV);
        int stride = w + 1;
        long[] sum = new long[stride * (h + 1)];
        long[] sq = new long[stride * (h + 1)];
        for (int y = 0; y < h; y++) {
            long rs = 0;
            long rq = 0;
            for (int x = 0; x < w; x++) {
                int v = value(px[y * w + x], inkIsBright);
                rs += v;
                rq += (long) v * v;
                sum[(y + 1) * stride + x + 1] = sum[y * stride + x + 1] + rs;
                sq[(y + 1) * stride + x + 1] = sq[y * stride + x + 1] + rq;
            }
        }
        boolean[] ink = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            int ya = Math.max(0, y - r);
            int yb = Math.min(h, y + r + 1);
            for (int x = 0; x < w; x++) {
                int xa = Math.max(0, x - r);
                int xb = Math.min(w, x + r + 1);
                double n = (double) (yb - ya) * (xb - xa);
                long s = sum[yb * stride + xb] - sum[ya * stride + xb] - sum[yb * stride + xa] + sum[ya * stride + xa];
                long q = sq[yb * stride + xb] - sq[ya * stride + xb] - sq[yb * stride + xa] + sq[ya * stride + xa];
                double mean = s / n;
                double sd = Math.sqrt(Math.max(0, q / n - mean * mean));
                double t = mean * (1 + SAUVOLA_K * (sd / 128.0 - 1));
                ink[y * w + x] = value(px[y * w + x], inkIsBright) < t;
            }
        }
        return ink;
    }

    /** Linear contrast stretch of the 1st..99th percentile to 0..255. */
    static byte[] stretch(byte[] px, int[] hist) {
        int n = px.length;
        int lo = 0;
        for (int acc = 0; lo < 255 && (acc += hist[lo]) < n / 100; lo++) {
            // find the 1st percentile
        }
        int hi = 255;
        for (int acc = 0; hi > 0 && (acc += hist[hi]) < n / 100; hi--) {
            // find the 99th percentile
        }
        if (hi - lo < 8) {
            return px;
        }
        byte[] lut = new byte[256];
        for (int v = 0; v < 256; v++) {
            lut[v] = (byte) Math.max(0, Math.min(255, Math.round((v - lo) * 255f / (hi - lo))));
        }
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = lut[px[i] & 0xff];
        }
        return out;
    }

    /** The grey value with ink dark: inverted when the ink is bright. */
    private static int value(byte b, boolean inkIsBright) {
        int v = b & 0xff;
        return inkIsBright ? 255 - v : v;
    }

    /** 8-connected components of {@code ink}; {@code labels} receives 1-based labels (0 = background). */
    static List<Blob> components(boolean[] ink, int w, int h, int[] labels) {
        List<Blob> blobs = new ArrayList<>();
        int[] stack = new int[w * h];
        int next = 1;
        for (int start = 0; start < ink.length; start++) {
            if (!ink[start] || labels[start] != 0) {
                continue;
            }
            int label = next++;
            int sp = 0;
            stack[sp++] = start;
            labels[start] = label;
            int x0 = w;
            int y0 = h;
            int x1 = -1;
            int y1 = -1;
            int area = 0;
            while (sp > 0) {
                int p = stack[--sp];
                int x = p % w;
                int y = p / w;
                area++;
                x0 = Math.min(x0, x);
                x1 = Math.max(x1, x);
                y0 = Math.min(y0, y);
                y1 = Math.max(y1, y);
                for (int dy = -1; dy <= 1; dy++) {
                    int ny = y + dy;
                    if (ny < 0 || ny >= h) {
                        continue;
                    }
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = x + dx;
                        if (nx < 0 || nx >= w) {
                            continue;
                        }
                        int q = ny * w + nx;
                        if (ink[q] && labels[q] == 0) {
                            labels[q] = label;
                            stack[sp++] = q;
                        }
                    }
                }
            }
            blobs.add(new Blob(label, x0, y0, x1, y1, area));
        }
        return blobs;
    }

    /** Box filter when shrinking, bilinear when enlarging. */
    static float[] resize(float[] src, int sw, int sh, int dw, int dh) {
        float[] dst = new float[dw * dh];
        double fx = (double) sw / dw;
        double fy = (double) sh / dh;
        if (fx >= 1 && fy >= 1) {
            for (int y = 0; y < dh; y++) {
                double sy0 = y * fy;
                double sy1 = sy0 + fy;
                for (int x = 0; x < dw; x++) {
                    double sx0 = x * fx;
                    double sx1 = sx0 + fx;
                    double sum = 0;
                    double wsum = 0;
                    for (int yy = (int) sy0; yy < Math.min(sh, (int) Math.ceil(sy1)); yy++) {
                        double wy = Math.min(sy1, yy + 1) - Math.max(sy0, yy);
                        for (int xx = (int) sx0; xx < Math.min(sw, (int) Math.ceil(sx1)); xx++) {
                            double wx = Math.min(sx1, xx + 1) - Math.max(sx0, xx);
                            sum += src[yy * sw + xx] * wx * wy;
                            wsum += wx * wy;
                        }
                    }
                    dst[y * dw + x] = (float) (wsum > 0 ? sum / wsum : 255);
                }
            }
            return dst;
        }
        for (int y = 0; y < dh; y++) {
            double sy = Math.max(0, (y + 0.5) * fy - 0.5);
            int y0 = Math.min(sh - 1, (int) sy);
            int y1 = Math.min(sh - 1, y0 + 1);
            double ay = sy - y0;
            for (int x = 0; x < dw; x++) {
                double sx = Math.max(0, (x + 0.5) * fx - 0.5);
                int x0 = Math.min(sw - 1, (int) sx);
                int x1 = Math.min(sw - 1, x0 + 1);
                double ax = sx - x0;
                double top = src[y0 * sw + x0] * (1 - ax) + src[y0 * sw + x1] * ax;
                double bot = src[y1 * sw + x0] * (1 - ax) + src[y1 * sw + x1] * ax;
                dst[y * dw + x] = (float) (top * (1 - ay) + bot * ay);
            }
        }
        return dst;
    }

    static double stddev(int[] hist, int n) {
        double mean = 0;
        for (int i = 0; i < 256; i++) {
            mean += (double) i * hist[i];
        }
        mean /= n;
        double var = 0;
        for (int i = 0; i < 256; i++) {
            var += hist[i] * (i - mean) * (i - mean);
        }
        return Math.sqrt(var / n);
    }
}
