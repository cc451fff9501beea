package id.parkir.shell.internal;

import id.parkir.api.anpr.PlateReading;
import id.parkir.api.anpr.PlateRecognizer;
import id.parkir.api.anpr.Recognition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Command(scope = "anpr", name = "read", description = "Reads the plates in a photo (JPEG or PNG file on the server)")
@Service
public class AnprRead implements Action {
    @Argument(index = 0, name = "file", required = true, description = "Path of the photo")
    private String file;

    @Reference(optional = true)
    private PlateRecognizer recognizer;

    @Override
    public Object execute() throws Exception {
        if (Installed.missing(recognizer, Installed.ANPR)) {
            return null;
        }
        Path path = Paths.get(file);
        if (!Files.isRegularFile(path)) {
            System.out.println("No such file: " + path);
            return null;
        }
        Recognition r = recognizer.recognize(Files.readAllBytes(path));
        if (r.plates().isEmpty()) {
            System.out.println("No plate found (" + r.millis() + " ms, " + r.engine() + ")");
        }
        for (PlateReading p : r.plates()) {
            System.out.printf("%-10s confidence %.2f  box x=%d y=%d w=%d h=%d%n", p.text(), p.confidence(), p.box().x(),
                    p.box().y(), p.box().w(), p.box().h());
        }
        System.out.println(r.millis() + " ms, " + r.engine());
        return null;
    }
}
