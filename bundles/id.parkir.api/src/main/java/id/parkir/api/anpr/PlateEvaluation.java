package id.parkir.api.anpr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Measures a plate recogniser on a labelled folder ({@code images/} and {@code labels.csv} with
 * columns {@code file,plate_text[,x,y,w,h,...]}): exact-plate accuracy, character accuracy
 * (1 - edit distance / length), detection recall (a returned plate box overlapping the labelled
 * one at IoU >= 0.5) and time per image. Used by {@code anpr:eval}, the tests and the benchmark.
 */
public final class PlateEvaluation {

    /** One image's outcome. */
    public record Row(String file, String expected, String read, double confidence, Boolean detected, long millis) {
        public boolean exact() {
            return expected.equals(read);
        }
    }

    /** The whole folder's outcome. */
    public record Report(List<Row> rows, double exactAccuracy, double charAccuracy, Double detectionRecall,
                         long medianMillis, long p95Millis) {
        public String summary() {
            return String.format("%d images: exact %.1f%%, characters %.1f%%, detection recall %s, median %d ms, p95 %d ms",
                    rows.size(), 100 * exactAccuracy, 100 * charAccuracy,
                    detectionRecall == null ? "n/a" : String.format("%.1f%%", 100 * detectionRecall), medianMillis, p95Millis);
        }
    }

    private PlateEvaluation() {
    }

    public static Report run(Path folder, Function<byte[], Recognition> recognizer) throws IOException {
        List<String> lines = Files.readAllLines(folder.resolve("labels.csv"), StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).startsWith("file,plate_text")) {
            throw new IOException(folder.resolve("labels.csv") + " must start with the header file,plate_text");
        }
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",");
            byte[] image = Files.readAllBytes(folder.resolve("images").resolve(f[0]));
            Box truth = f.length >= 6 && !f[2].isBlank()
                    ? new Box(Integer.parseInt(f[2].trim()), Integer.parseInt(f[3].trim()), Integer.parseInt(f[4].trim()),
                    Integer.parseInt(f[5].trim())) : null;
            long t0 = System.nanoTime();
            Recognition r = recognizer.apply(image);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            PlateReading best = r.plates().isEmpty() ? null : r.plates().get(0);
            Boolean detected = truth == null ? null : r.plates().stream().anyMatch(p -> p.box().iou(truth) >= 0.5);
            rows.add(new Row(f[0], f[1].trim(), best == null ? "" : best.text(), best == null ? 0 : best.confidence(), detected, ms));
        }
        return report(rows);
    }

    static Report report(List<Row> rows) {
        long exact = rows.stream().filter(Row::exact).count();
        long chars = 0;
        long errors = 0;
        for (Row r : rows) {
            chars += r.expected().length();
            errors += Math.min(r.expected().length(), editDistance(r.expected(), r.read()));
        }
        List<Row> withBoxes = rows.stream().filter(r -> r.detected() != null).toList();
        Double recall = withBoxes.isEmpty() ? null
                : (double) withBoxes.stream().filter(Row::detected).count() / withBoxes.size();
        long[] ms = rows.stream().mapToLong(Row::millis).sorted().toArray();
        return new Report(rows, rows.isEmpty() ? 0 : (double) exact / rows.size(), chars == 0 ? 0 : 1 - (double) errors / chars,
                recall, percentile(ms, 50), percentile(ms, 95));
    }

    static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1))];
    }

    public static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** For tests: a report over given rows. */
    public static Report of(Row... rows) {
        return report(Arrays.asList(rows));
    }
}
