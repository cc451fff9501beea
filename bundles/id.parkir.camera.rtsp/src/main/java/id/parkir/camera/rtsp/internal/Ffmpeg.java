package id.parkir.camera.rtsp.internal;

import id.parkir.api.BundledFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The ffmpeg and ffprobe programs of Maven Central's {@code org.bytedeco:ffmpeg} (linux-x86_64),
 * packed into this bundle under {@code natives/linux-x86_64/} and put on disk once, with their
 * libraries beside them (the programs find them through RUNPATH $ORIGIN).
 */
final class Ffmpeg {
    static final String RESOURCE_DIR = "natives/linux-x86_64/";
    static final String[] PROGRAMS = {"ffmpeg", "ffprobe"};
    static final String[] LIBRARIES = {"libavcodec.so.60", "libavdevice.so.60", "libavfilter.so.9", "libavformat.so.60",
        "libavutil.so.58", "libswresample.so.4", "libswscale.so.7", "libdrm.so.2"};

    private Ffmpeg() {
    }

    /** Puts the programs under {@code folder} (unless already there, same bytes) and returns the ffmpeg program. */
    static synchronized Path install(Path folder) throws IOException {
        Files.createDirectories(folder);
        ClassLoader cl = Ffmpeg.class.getClassLoader();
        for (String lib : LIBRARIES) {
            BundledFiles.copyIfChanged(cl, RESOURCE_DIR + lib, folder.resolve(lib));
        }
        for (String program : PROGRAMS) {
            Path p = folder.resolve(program);
            BundledFiles.copyIfChanged(cl, RESOURCE_DIR + program, p);
            if (!p.toFile().setExecutable(true, true)) {
                throw new IOException("cannot make " + p + " executable");
            }
        }
        return folder.resolve("ffmpeg");
    }
}
