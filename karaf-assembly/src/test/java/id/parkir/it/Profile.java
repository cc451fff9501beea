package id.parkir.it;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

/**
 * A Java Flight Recorder profile of the server while a benchmark loads it ({@code jcmd JFR.start}),
 * written to {@code target/<name>.jfr}; read it with {@code jfr print --events jdk.ExecutionSample}
 * or JDK Mission Control.
 */
final class Profile {
    private final long pid;
    private final Path file;

    private Profile(long pid, Path file) {
        this.pid = pid;
        this.file = file;
    }

    static Profile start(ParkirServer server, String name) throws Exception {
        long pid = server.javaProcess().orElseThrow();
        Path file = Paths.get("target", name + ".jfr").toAbsolutePath();
        jcmd(pid, "JFR.start", "name=bench", "settings=profile", "filename=" + file);
        return new Profile(pid, file);
    }

    void stop() throws Exception {
        jcmd(pid, "JFR.stop", "name=bench");
        System.out.println("profile written to " + file);
    }

    private static void jcmd(long pid, String... args) throws Exception {
        String jcmd = Paths.get(System.getProperty("java.home"), "bin", "jcmd").toString();
        String[] command = new String[args.length + 2];
        command[0] = jcmd;
        command[1] = Long.toString(pid);
        System.arraycopy(args, 0, command, 2, args.length);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.waitFor(60, TimeUnit.SECONDS);
    }
}
