package id.parkir.anpr.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;

import id.parkir.api.anpr.PlateEvaluation;
import id.parkir.api.anpr.PlateReading;
import id.parkir.api.anpr.Recognition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.Mat;

/**
 * ANPR speed and accuracy on every labelled set of ../shared/data/plates, with OpenCV held to one
 * thread (run it under {@code taskset -c 0} to hold the JVM to one core as well). Prints numbers,
 * asserts none of them:
 * <pre>taskset -c 0 mvn -pl bundles/id.parkir.anpr -Pbenchmark test</pre>
 * The reader here is this bundle's own; the server adds the Tesseract second opinion (measure it
 * there with {@code anpr:eval}).
 */
class AnprBenchmark {
    private static final Path PLATES = Paths.get(System.getProperty("parkir.shared", "../../../shared"), "data/plates");

    @Test
    void readEverySet() throws Exception {
        OpenCv.load();
        Core.setNumThreads(1);
        CharClassifier classifier = CharClassifier.load();
        PlateLineReader lines = PlateLineReader.shipped();
        PlatePipeline indonesian = new PlatePipeline(classifier, lines, PlateSyntax.Mode.INDONESIA);
        PlatePipeline any = new PlatePipeline(classifier, lines, PlateSyntax.Mode.ANY);

        // warm-up: the JIT and OpenCV's first calls
        List<Path> us = images(PLATES.resolve("openalpr_us_dev"));
        assertFalse(us.isEmpty(), "no images in " + PLATES.resolve("openalpr_us_dev"));
        for (Path p : us.subList(0, Math.min(10, us.size()))) {
            any.read(OpenCv.decodeGray(Files.readAllBytes(p)));
        }

        // one 1280x720 scene at a time: decode, search, read
        // the CPU time of this thread as well as the wall time: on a machine shared with other work
        // the wall time includes waiting for a core, the CPU time does not
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        for (PlatePipeline pipeline : List.of(indonesian, any)) {
            long[] nanos = new long[us.size()];
            long[] cpuNanos = new long[us.size()];
            for (int i = 0; i < us.size(); i++) {
                byte[] bytes = Files.readAllBytes(us.get(i));
                long c0 = cpu.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                Mat gray = OpenCv.decodeGray(bytes);
                pipeline.read(gray);
                nanos[i] = System.nanoTime() - t0;
                cpuNanos[i] = cpu.getCurrentThreadCpuTime() - c0;
                gray.release();
            }
            Arrays.sort(nanos);
            Arrays.sort(cpuNanos);
            System.out.printf("ANPR benchmark, 1280x720 scenes (openalpr_us_dev, %d images), %s pipeline, OpenCV on 1 thread: "
                            + "CPU time median %.1f ms, p95 %.1f ms; wall time median %.1f ms, p95 %.1f ms%n", nanos.length,
                    pipeline == any ? "any-syntax (segmented reader only)" : "Indonesian (both readers)",
                    cpuNanos[cpuNanos.length / 2] / 1e6, cpuNanos[(int) Math.min(cpuNanos.length - 1, Math.round(cpuNanos.length * 0.95))] / 1e6,
                    nanos[nanos.length / 2] / 1e6, nanos[(int) Math.min(nanos.length - 1, Math.round(nanos.length * 0.95))] / 1e6);
        }

        List<PlateEvaluation.Row> indonesianRows = new java.util.ArrayList<>();
        List<PlateEvaluation.Row> allRows = new java.util.ArrayList<>();
        for (String set : List.of("id_crops_dev", "id_scenes_valid", "openalpr_eu", "openalpr_us_dev")) {
            PlatePipeline pipeline = set.startsWith("id_") ? indonesian : any;
            PlateEvaluation.Report report = PlateEvaluation.run(PLATES.resolve(set), bytes -> {
                long t0 = System.nanoTime();
                Mat gray = OpenCv.decodeGray(bytes);
                List<PlateReading> plates = pipeline.read(gray).stream()
                        .map(p -> new PlateReading(p.text(), p.confidence(), p.box())).toList();
                gray.release();
                return new Recognition(plates, "bench", (System.nanoTime() - t0) / 1_000_000);
            });
            System.out.printf("ANPR benchmark, %s (%s syntax): %s%n", set, pipeline == any ? "any" : "indonesia", report.summary());
            PlateGroups.print(PLATES.resolve(set), report);
            allRows.addAll(report.rows());
            if (set.startsWith("id_")) {
                indonesianRows.addAll(report.rows());
            }
        }
        AutoAcceptCalibration.print("Indonesian dev sets (id_crops_dev + id_scenes_valid)", indonesianRows);
        AutoAcceptCalibration.print("all four dev sets", allRows);
        System.out.printf("ANPR benchmark, JVM heap used %d MB%n",
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
    }

    private static List<Path> images(Path set) throws Exception {
        try (var files = Files.list(set.resolve("images"))) {
            return files.filter(p -> p.toString().matches(".*\\.(jpg|jpeg|png)$")).sorted().toList();
        }
    }
}
