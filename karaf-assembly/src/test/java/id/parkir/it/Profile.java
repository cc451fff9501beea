package id.parkir.it;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

/**
 * A CPU profile of the server while a benchmark loads it, written to {@code target/<name>.*}:
 * Java Flight Recorder ({@code jcmd JFR.start}; read it with {@code jfr print --events
 * jdk.ExecutionSample} or JDK Mission Control), or, with {@code -Dbench.asprof=<path of
 * libasyncProfiler.so>} (Maven Central {@code tools.profiler:async-profiler}), async-profiler's
 * wall-clock-free CPU samples of every thread, JIT and GC included, as collapsed stacks.
 */
final class Profile {
    private static final String ASYNC_PROFILER = System.getProperty("bench.asprof", "");
    private final long pid;
    private final Path file;

    private Profile(long pid, Path file) {
        this.pid = pid;
        this.file = file;
    }

    static Profile start(ParkirServer server, String name) throws Exception {
        long pid = server.javaProcess().orElseThrow();
        if (!ASYNC_PROFILER.isEmpty()) {
            Path file = Paths.get("target", name + ".collapsed").toAbsolutePath();
            jcmd(pid, "JVMTI.agent_load", ASYNC_PROFILER, "start,event=itimer,interval=1ms");
            return new Profile(pid, file);
        }
        Path file = Paths.get("target", name + ".jfr").toAbsolutePath();
        jcmd(pid, "JFR.start", "name=bench", "settings=profile", "filename=" + file);
        return new Profile(pid, file);
    }

    void stop() throws Exception {
        if (!ASYNC_PROFILER.isEmpty()) {
            jcmd(pid, "JVMTI.agent_load", ASYNC_PROFILER, "stop,collapsed,file=" + file);
        } else {
            jcmd(pid, "JFR.stop", "name=bench");
        }
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
