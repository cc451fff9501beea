package id.parkir.anpr.internal;

import id.parkir.api.anpr.PlateEvaluation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Development aid: exact-plate accuracy per vehicle class (the {@code vehicle_class} column of the
 * scene sets) and per plate colour. No set labels the colour, so it is estimated from the pixels of
 * the plate (the whole crop, or the labelled box of a scene): the median colour of the plate is
 * its background, as the characters cover far less of it.
 */
final class PlateGroups {
    private PlateGroups() {
    }

    static void print(Path folder, PlateEvaluation.Report report) throws Exception {
        List<String> lines = Files.readAllLines(folder.resolve("labels.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        int classColumn = header.indexOf("vehicle_class");
        int x = header.indexOf("x");
        Map<String, String[]> labels = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            labels.put(f[0], f);
        }
        Map<String, int[]> byClass = new TreeMap<>();
        Map<String, int[]> byColour = new TreeMap<>();
        for (PlateEvaluation.Row row : report.rows()) {
            String[] f = labels.get(row.file());
            if (f == null) {
                continue;
            }
            if (classColumn >= 0) {
                count(byClass, f[classColumn], row.exact());
            }
            Mat bgr = Imgcodecs.imread(folder.resolve("images").resolve(row.file()).toString());
            Rect box = x < 0 ? new Rect(0, 0, bgr.cols(), bgr.rows())
                    : new Rect(Integer.parseInt(f[x]), Integer.parseInt(f[x + 1]), Integer.parseInt(f[x + 2]), Integer.parseInt(f[x + 3]));
            count(byColour, colour(bgr, box), row.exact());
            bgr.release();
        }
        if (!byClass.isEmpty()) {
            System.out.println(folder.getFileName() + " by vehicle class: " + summary(byClass));
        }
        System.out.println(folder.getFileName() + " by plate colour (estimated from the pixels): " + summary(byColour));
    }

    private static void count(Map<String, int[]> groups, String key, boolean exact) {
        int[] c = groups.computeIfAbsent(key, k -> new int[2]);
        c[0] += exact ? 1 : 0;
        c[1]++;
    }

    private static String summary(Map<String, int[]> groups) {
        List<String> parts = new ArrayList<>();
        groups.forEach((k, c) -> parts.add(String.format("%s %.1f%% (%d/%d)", k, 100.0 * c[0] / c[1], c[0], c[1])));
        return String.join(", ", parts);
    }

    /** black, white, yellow or red: the plate's median hue, saturation and value. */
    static String colour(Mat bgr, Rect box) {
        Rect r = new Rect(Math.max(0, box.x), Math.max(0, box.y), 0, 0);
        r.width = Math.max(1, Math.min(bgr.cols() - r.x, box.width));
        r.height = Math.max(1, Math.min(bgr.rows() - r.y, box.height));
        Mat hsv = new Mat();
        Imgproc.cvtColor(bgr.submat(r), hsv, Imgproc.COLOR_BGR2HSV);
        List<Mat> ch = new ArrayList<>();
        Core.split(hsv, ch);
        double h = median(ch.get(0));
        double s = median(ch.get(1));
        double v = median(ch.get(2));
        hsv.release();
        ch.forEach(Mat::release);
        if (v < 90) {
            return "black";
        }
        if (s > 90 && h >= 12 && h <= 40) {
            return "yellow";
        }
        if (s > 90 && (h < 10 || h > 160)) {
            return "red";
        }
        return "white";
    }

    private static double median(Mat channel) {
        byte[] px = new byte[(int) channel.total()];
        Mat m = channel.isContinuous() ? channel : channel.clone();
        m.get(0, 0, px);
        int[] hist = new int[256];
        for (byte b : px) {
            hist[b & 0xff]++;
        }
        int seen = 0;
        for (int i = 0; i < 256; i++) {
            seen += hist[i];
            if (seen * 2 >= px.length) {
                return i;
            }
        }
        return 255;
    }
}
