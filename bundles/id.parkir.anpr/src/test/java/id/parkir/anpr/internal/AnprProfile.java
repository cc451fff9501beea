package id.parkir.anpr.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.Mat;

/** Development aid: CPU time of the finder's stages over a folder of scenes, one thread. */
public final class AnprProfile {
    public static void main(String[] args) throws Exception {
        OpenCv.load();
        Core.setNumThreads(1);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        PlateFinder finder = new PlateFinder(CharClassifier.load(), PlateSyntax.Mode.INDONESIA);
        List<Path> files;
        try (var s = Files.list(Paths.get(args[0]).resolve("images"))) {
            files = s.sorted().toList();
        }
        long decode = 0, cand = 0, all = 0;
        int regions = 0;
        for (int pass = 0; pass < 2; pass++) {
            decode = cand = all = 0;
            regions = 0;
            for (Path p : files) {
                byte[] bytes = Files.readAllBytes(p);
                long c0 = cpu.getCurrentThreadCpuTime();
                Mat gray = OpenCv.decodeGray(bytes);
                long c1 = cpu.getCurrentThreadCpuTime();
                double scale = PlateFinder.workScale(gray);
                Mat work = PlateFinder.working(gray, scale);
                Mat inv = new Mat();
                Core.bitwise_not(work, inv);
                regions += finder.candidates(work, inv).size();
                long c2 = cpu.getCurrentThreadCpuTime();
                PlateFinder.release(finder.find(gray));
                long c3 = cpu.getCurrentThreadCpuTime();
                decode += c1 - c0;
                cand += c2 - c1;
                all += c3 - c2;
                gray.release();
                inv.release();
            }
        }
        int n = files.size();
        System.out.printf("per image CPU: decode %.1f ms, candidates %.1f ms, whole find %.1f ms (reading = %.1f ms), regions %.1f%n",
                decode / 1e6 / n, cand / 1e6 / n, all / 1e6 / n, (all - cand) / 1e6 / n, (double) regions / n);
    }
}
