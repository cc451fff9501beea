package id.parkir.anpr.internal;

import id.parkir.api.anpr.Box;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Development aid: how far a labelled plate box reaches beyond the row of characters the finder
 * reads, in character-row heights, over the training scenes (id_scenes_train, never the
 * evaluation sets). Prints the medians that {@link PlateFinder#plateBox} uses.
 * <pre>java -cp target/classes:target/test-classes:$(cat cp.txt) id.parkir.anpr.internal.PlateBoxCalibration ../../../shared/data/plates/id_scenes_train</pre>
 */
public final class PlateBoxCalibration {
    public static void main(String[] args) throws Exception {
        OpenCv.load();
        Path scenes = Paths.get(args[0]);
        PlateFinder finder = new PlateFinder(CharClassifier.load(), PlateSyntax.Mode.INDONESIA);
        List<double[]> margins = new ArrayList<>();
        List<String> lines = Files.readAllLines(scenes.resolve("labels.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            Box truth = new Box(Integer.parseInt(f[2]), Integer.parseInt(f[3]), Integer.parseInt(f[4]), Integer.parseInt(f[5]));
            Mat gray = Imgcodecs.imread(scenes.resolve("images").resolve(f[0]).toString(), Imgcodecs.IMREAD_GRAYSCALE);
            List<PlateFinder.Found> found = finder.find(gray);
            for (PlateFinder.Found p : found) {
                Box b = p.row();
                // the row's own box, without the margins plateBox adds
                double h = b.h() / (1 + 2 * PlateFinder.ROW_MARGIN_Y);
                double x0 = b.x() + PlateFinder.ROW_MARGIN_X * h, x1 = b.x() + b.w() - PlateFinder.ROW_MARGIN_X * h;
                double y0 = b.y() + PlateFinder.ROW_MARGIN_Y * h, y1 = b.y() + b.h() - PlateFinder.ROW_MARGIN_Y * h;
                boolean inside = x0 >= truth.x() - h && x1 <= truth.x() + truth.w() + h && y0 >= truth.y() - h && y1 <= truth.y() + truth.h() + h;
                if (inside && p.reading().text().length() >= f[1].length() - 1) {
                    margins.add(new double[] {(x0 - truth.x()) / h, (truth.x() + truth.w() - x1) / h,
                        (y0 - truth.y()) / h, (truth.y() + truth.h() - y1) / h});
                    break;
                }
            }
            PlateFinder.release(found);
            gray.release();
        }
        String[] names = {"left", "right", "top", "bottom"};
        for (int k = 0; k < 4; k++) {
            int kk = k;
            double[] v = margins.stream().mapToDouble(m -> m[kk]).sorted().toArray();
            System.out.printf("%s margin: median %.2f row heights (quartiles %.2f, %.2f) over %d plates%n", names[k],
                    v[v.length / 2], v[v.length / 4], v[3 * v.length / 4], v.length);
        }
    }
}
