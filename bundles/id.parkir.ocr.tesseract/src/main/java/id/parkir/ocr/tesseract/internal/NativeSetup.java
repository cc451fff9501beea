package id.parkir.ocr.tesseract.internal;

import id.parkir.api.BundledFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

import net.sourceforge.tess4j.TessAPI;

/**
 * Puts the native Tesseract and Leptonica libraries (from Maven Central's {@code org.bytedeco}
 * artifacts, packed into this bundle under {@code natives/linux-x86_64/}) and the traineddata into
 * a writable folder, and tells JNA where they are, before Tess4J's {@code TessAPI1} is first touched.
 *
 * <p>Files already there with the same bytes are left alone: a library that a running JVM has mapped
 * must never be rewritten in place, so a changed file is written beside it and moved over it.
 */
final class NativeSetup {
    private static final Logger LOG = LoggerFactory.getLogger(NativeSetup.class);

    static final String PLATFORM = "linux-x86_64";
    static final String RESOURCE_DIR = "natives/" + PLATFORM + "/";
    /** The library files and the sonames the dynamic linker asks for (libtesseract's NEEDED / RUNPATH $ORIGIN). */
    static final String LEPTONICA = "libleptonica.so.6";
    static final String TESSERACT = "libtesseract.so.5.3.4";
    static final String[] TESSERACT_ALIASES = {"libtesseract.so.5", "libtesseract.so"};
    /** The JNA library name Tess4J registers ({@code LoadLibs.getTesseractLibName()} off Windows). */
    static final String JNA_NAME = "tesseract";

    /**
     * Where the natives and the traineddata went ({@code nativeDir} is null when the system's
     * libraries are used) and the loaded library.
     */
    record Paths(Path nativeDir, Path tessdataDir, TessAPI api) {
    }

    private static Paths done;

    private NativeSetup() {
    }

    /** The folder for extracted files: {@code ${karaf.data}/parkir-ocr}, else a folder in {@code java.io.tmpdir}. */
    static Path defaultBase() {
        return BundledFiles.dataFolder("parkir-ocr");
    }

    static boolean bundledPlatform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return os.startsWith("linux") && (arch.equals("amd64") || arch.equals("x86_64"));
    }

    /**
     * Extracts what is needed under {@code base} (once per JVM and folder) and makes JNA find it.
     *
     * @throws IOException when a file cannot be written or a resource is missing from the bundle
     */
    static synchronized Paths setUp(Path base) throws IOException {
        if (done != null && done.tessdataDir().startsWith(base)) {
            return done;
        }
        ClassLoader cl = NativeSetup.class.getClassLoader();
        Path tessdata = base.resolve("tessdata");
        Files.createDirectories(tessdata);
        BundledFiles.copyIfChanged(cl, "tessdata/eng.traineddata", tessdata.resolve("eng.traineddata"));

        Path natives = null;
        if (bundledPlatform()) {
            natives = base.resolve("natives");
            Files.createDirectories(natives);
            BundledFiles.copyIfChanged(cl, RESOURCE_DIR + LEPTONICA, natives.resolve(LEPTONICA));
            BundledFiles.copyIfChanged(cl, RESOURCE_DIR + TESSERACT, natives.resolve(TESSERACT));
            for (String alias : TESSERACT_ALIASES) {
                link(natives.resolve(alias), TESSERACT);
            }
            String dir = natives.toAbsolutePath().toString();
            NativeLibrary.addSearchPath(JNA_NAME, dir);
            appendJnaLibraryPath(dir);
            // libtesseract finds leptonica through RUNPATH $ORIGIN; loading it first by absolute path
            // makes that independent of how the linker resolves $ORIGIN and of LD_LIBRARY_PATH.
            NativeLibrary.getInstance(natives.resolve(LEPTONICA).toAbsolutePath().toString());
        } else {
            LOG.warn("No bundled Tesseract natives for {} {}; relying on a system libtesseract (jna.library.path or the linker's path)",
                    System.getProperty("os.name"), System.getProperty("os.arch"));
        }
        // interface mapping resolves each function when first called, so a libtesseract older than
        // the Tess4J release (5.3.4 here, Tess4J 5.13 targets 5.4) loads as long as the used ones exist
        TessAPI api = Native.load(JNA_NAME, TessAPI.class);
        done = new Paths(natives, tessdata, api);
        return done;
    }

    private static void appendJnaLibraryPath(String dir) {
        String current = System.getProperty("jna.library.path");
        if (current == null || current.isBlank()) {
            System.setProperty("jna.library.path", dir);
        } else if (!Arrays.asList(current.split(java.io.File.pathSeparator)).contains(dir)) {
            System.setProperty("jna.library.path", current + java.io.File.pathSeparator + dir);
        }
    }

    /** A relative symbolic link {@code link -> targetName} in the same folder, or a copy where links are not possible. */
    private static void link(Path link, String targetName) throws IOException {
        if (Files.isSymbolicLink(link) && Files.readSymbolicLink(link).toString().equals(targetName)) {
            return;
        }
        if (Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isSymbolicLink(link) && Files.isRegularFile(link)
                    && Files.size(link) == Files.size(link.resolveSibling(targetName))
                    && Arrays.equals(Files.readAllBytes(link), Files.readAllBytes(link.resolveSibling(targetName)))) {
                return;
            }
            Files.delete(link);
        }
        try {
            Files.createSymbolicLink(link, Path.of(targetName));
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(link.resolveSibling(targetName), link, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
