package id.parkir.shell.internal;

import id.parkir.api.anpr.PlateEvaluation;
import id.parkir.api.anpr.PlateRecognizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Command(scope = "anpr", name = "eval", description = "Measures plate reading on a labelled folder (images/ and labels.csv file,plate_text[,x,y,w,h])")
@Service
public class AnprEval implements Action {
    @Argument(index = 0, name = "folder", required = true, description = "Folder with images/ and labels.csv")
    private String folder;

    @Option(name = "--misses", aliases = "-m", description = "Also list every image read wrongly")
    private boolean misses;

    @Reference(optional = true)
    private PlateRecognizer recognizer;

    @Override
    public Object execute() throws Exception {
        if (Installed.missing(recognizer, Installed.ANPR)) {
            return null;
        }
        Path dir = Paths.get(folder);
        if (!Files.isRegularFile(dir.resolve("labels.csv"))) {
            System.out.println("No labels.csv in " + dir);
            return null;
        }
        PlateEvaluation.Report report = PlateEvaluation.run(dir, recognizer::recognize);
        if (misses) {
            report.rows().stream().filter(r -> !r.exact()).forEach(r -> System.out.println(
                    "  " + r.file() + ": expected " + r.expected() + ", read " + (r.read().isEmpty() ? "nothing" : r.read())));
        }
        System.out.println(report.summary());
        return null;
    }
}
