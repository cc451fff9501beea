package id.parkir.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A browser's player as the server sees it, over a plain socket: GET a link without a token, read
 * the head and as much of the body as wanted, then stay (reading nothing, so the server's writer
 * waits, as behind a paused player: the small receive buffer keeps the server from pushing it all
 * at once) or leave. Also what the tests need to read fragmented MP4 and a process's CPU time.
 */
final class Viewer implements AutoCloseable {
    final int status;
    final String head;
    final InputStream body;
    private final Socket socket;

    private Viewer(Socket socket, int status, String head, InputStream body) {
        this.socket = socket;
        this.status = status;
        this.head = head;
        this.body = body;
    }

    static Viewer open(int port, String path) throws IOException {
        Socket s = new Socket();
        s.setReceiveBufferSize(4096); // before connecting, so the window stays small
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        s.setSoTimeout(30_000);
        s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        InputStream in = s.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            head.write(c);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        int status = text.length() > 12 ? Integer.parseInt(text.substring(9, 12)) : -1;
        return new Viewer(s, status, text, in);
    }

    boolean hasHeader(String name, String valueStart) {
        return head.toLowerCase(Locale.ROOT).contains("\r\n" + name.toLowerCase(Locale.ROOT) + ": " + valueStart.toLowerCase(Locale.ROOT));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** The types of the top-level boxes of an MP4, e.g. "ftyp moov moof mdat ...". */
    static String boxes(byte[] mp4) {
        StringBuilder s = new StringBuilder();
        int at = 0;
        while (at + 8 <= mp4.length) {
            long size = ((mp4[at] & 0xFFL) << 24) | ((mp4[at + 1] & 0xFF) << 16) | ((mp4[at + 2] & 0xFF) << 8) | (mp4[at + 3] & 0xFF);
            s.append(s.length() == 0 ? "" : " ").append(new String(mp4, at + 4, 4, StandardCharsets.ISO_8859_1));
            if (size < 8) {
                break;
            }
            at += (int) size;
        }
        return s.toString();
    }

    /**
     * Reads a fragmented MP4 to its end; answers the bytes, with the nanoTime of the first byte
     * and of the end of the first {@code mdat} after a {@code moof} (the first picture a player can show).
     */
    static Read read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        long firstByte = 0;
        long firstFragment = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            all.write(buf, 0, n);
            if (firstByte == 0) {
                firstByte = System.nanoTime();
            }
            if (firstFragment == 0 && boxes(all.toByteArray()).contains("moof mdat") && complete(all.toByteArray())) {
                firstFragment = System.nanoTime();
            }
        }
        return new Read(all.toByteArray(), firstByte, firstFragment);
    }

    /** Whether the bytes end at a box boundary past the first moof+mdat. */
    private static boolean complete(byte[] mp4) {
        int at = 0;
        boolean moof = false;
        while (at + 8 <= mp4.length) {
            long size = ((mp4[at] & 0xFFL) << 24) | ((mp4[at + 1] & 0xFF) << 16) | ((mp4[at + 2] & 0xFF) << 8) | (mp4[at + 3] & 0xFF);
            String type = new String(mp4, at + 4, 4, StandardCharsets.ISO_8859_1);
            if (size < 8 || at + size > mp4.length) {
                return false;
            }
            if (moof && type.equals("mdat")) {
                return true;
            }
            moof = type.equals("moof");
            at += (int) size;
        }
        return false;
    }

    record Read(byte[] bytes, long firstByte, long firstFragment) {
    }

    /** ffprobe's view of a file: codec, frames, duration, and the largest gap between two packets (s). */
    static String probe(Path ffprobe, Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(ffprobe.toString(), "-v", "error", "-count_frames", "-select_streams", "v:0",
                "-show_entries", "stream=codec_name,nb_read_frames:format=duration", "-of", "default=nw=1", file.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return p.waitFor() == 0 ? out : "ffprobe failed: " + out;
    }

    static double largestGap(Path ffprobe, Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(ffprobe.toString(), "-v", "error", "-select_streams", "v:0", "-show_entries",
                "packet=dts_time", "-of", "csv=p=0", file.toString()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        double last = Double.NaN;
        double gap = 0;
        for (String line : out.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            double t = Double.parseDouble(line.trim().split(",")[0]);
            gap = Double.isNaN(last) ? 0 : Math.max(gap, t - last);
            last = t;
        }
        return gap;
    }

    static double number(String probe, String key) {
        return probe.lines().filter(l -> l.startsWith(key + "=")).mapToDouble(l -> Double.parseDouble(l.substring(key.length() + 1)))
                .findFirst().orElse(-1);
    }

    /**
     * CPU seconds of a process from /proc: its own (user + system) and that of the children it has
     * reaped (ffmpeg under its sh guard, ffprobe), which is how a finished child's cost is counted.
     */
    static double[] cpu(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields 14-17 of stat, counted from field 3 (the state) here
        double hz = 100.0;
        return new double[] {(Long.parseLong(f[11]) + Long.parseLong(f[12])) / hz, (Long.parseLong(f[13]) + Long.parseLong(f[14])) / hz};
    }
}
