package id.parkir.anpr.internal;

import java.util.List;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/** Development aid: prints every candidate reading of one image and draws them into /tmp/anpr-debug.png. */
public final class AnprDebug {
    public static void main(String[] args) throws Exception {
        OpenCv.load();
        Mat gray = Imgcodecs.imread(args[0], Imgcodecs.IMREAD_GRAYSCALE);
        PlateFinder finder = new PlateFinder(AnprDevEval.model(), PlateSyntax.Mode.INDONESIA);
        List<PlateFinder.Found> found = finder.find(gray);
        Mat color = Imgcodecs.imread(args[0]);
        int i = 0;
        for (PlateFinder.Found f : found) {
            System.out.printf("%2d %-10s conf %.3f rank %.2f box %s chars %d%n", i, f.reading().text(),
                    f.reading().confidence(), f.rank(), f.box(), f.crops().size());
            if (i < 3) {
                Imgproc.rectangle(color, new Point(f.box().x(), f.box().y()),
                        new Point(f.box().x() + f.box().w(), f.box().y() + f.box().h()), new Scalar(0, 0, 255), 1);
            }
            i++;
        }
        Imgcodecs.imwrite("/tmp/anpr-debug.png", color);
    }
}
