package id.parkir.anpr.internal;

import id.parkir.api.anpr.PlateEvaluation;
import id.parkir.api.anpr.PlateReading;
import id.parkir.api.anpr.Recognition;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.opencv.core.Mat;

/** Development aid: runs the finder over labelled folders and prints the report and the misses. */
public final class AnprDevEval {
    public static void main(String[] args) throws Exception {
        CharClassifier classifier = model();
        PlateSyntax.Mode mode = args.length > 1 ? PlateSyntax.Mode.valueOf(args[1]) : PlateSyntax.Mode.INDONESIA;
        PlatePipeline pipeline = new PlatePipeline(classifier, lineModel(), mode);
        Path folder = Paths.get(args[0]);
        PlateEvaluation.Report report = PlateEvaluation.run(folder, bytes -> {
            long t0 = System.nanoTime();
            Mat gray = OpenCv.decodeGray(bytes);
            List<PlateReading> plates = pipeline.read(gray).stream()
                    .map(p -> new PlateReading(p.text(), p.confidence(), p.box())).toList();
            gray.release();
            return new Recognition(plates, "dev", (System.nanoTime() - t0) / 1_000_000);
        });
        if (Boolean.getBoolean("eval.misses")) {
            report.rows().stream().filter(r -> !r.exact())
                    .forEach(r -> System.out.println("  miss " + r.file() + " expected " + r.expected() + " read " + r.read()
                            + (r.detected() == null ? "" : " detected=" + r.detected())));
        }
        String rows = System.getProperty("eval.rows");
        if (rows != null) { // file,expected,read,confidence,exact: to calibrate the auto-accept threshold
            List<String> lines = new java.util.ArrayList<>();
            report.rows().forEach(r -> lines.add(r.file() + "," + r.expected() + "," + r.read() + "," + r.confidence() + "," + r.exact()));
            java.nio.file.Files.write(Paths.get(rows), lines);
        }
        System.out.println(folder.getFileName() + ": " + report.summary());
        PlateGroups.print(folder, report);
        AutoAcceptCalibration.print(folder.getFileName().toString(), report.rows());
    }

    /** The shipped line model, or the one -Deval.lines names. */
    static PlateLineReader lineModel() throws java.io.IOException {
        String file = System.getProperty("eval.lines");
        if (file == null) {
            return PlateLineReader.shipped();
        }
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(Paths.get(file))) {
            return PlateLineReader.read(in);
        }
    }

    /** The shipped model, or the one -Deval.model names (a freshly trained char-cnn.onnx). */
    static CharClassifier model() throws java.io.IOException {
        String file = System.getProperty("eval.model");
        if (file == null) {
            return CharClassifier.load();
        }
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(Paths.get(file))) {
            return CharClassifier.read(in);
        }
    }
}
