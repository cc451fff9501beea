package id.parkir.camera.rtsp.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** FFmpeg's input options for a camera address: TCP for RTSP, and I/O timeouts so a dead camera is noticed. */
final class CameraUrls {
    private CameraUrls() {
    }

    static String scheme(String url) {
        int i = url.indexOf("://");
        return i < 0 ? "" : url.substring(0, i).toLowerCase(Locale.ROOT);
    }

    /** Options to put before {@code -i url}. */
    static List<String> inputOptions(String url, long timeoutMicros) {
        List<String> o = new ArrayList<>();
        String scheme = scheme(url);
        if (scheme.startsWith("rtsp")) {
            o.addAll(List.of("-rtsp_transport", "tcp", "-timeout", Long.toString(timeoutMicros)));
        } else {
            o.addAll(List.of("-rw_timeout", Long.toString(timeoutMicros)));
        }
        o.addAll(List.of("-i", url));
        return o;
    }

    /** Any text (an address, an error line that quotes one) with the passwords of addresses masked. */
    static String masked(String text) {
        return text.replaceAll("//([^/:@\\s]*):[^@\\s/]*@", "//$1:***@");
    }

    /** Turns FFmpeg's error output into the reason an admin can act on. */
    static String reason(String stderr) {
        String s = stderr == null ? "" : stderr;
        String l = s.toLowerCase(Locale.ROOT);
        if (l.contains("401 unauthorized") || l.contains("authorization failed")) {
            return "wrong user name or password (401 Unauthorized)";
        }
        if (l.contains("connection refused")) {
            return "connection refused: nothing listens on that port";
        }
        if (l.contains("failed to resolve") || l.contains("name or service not known") || l.contains("temporary failure in name resolution")) {
            return "host name not found";
        }
        if (l.contains("no route to host") || l.contains("network is unreachable")) {
            return "host unreachable";
        }
        if (l.contains("timed out") || l.contains("timeout")) {
            return "no answer from the camera (timed out)";
        }
        if (l.contains("404 not found") || l.contains("454 session not found")) {
            return "no stream at that path (404 Not Found)";
        }
        if (l.contains("invalid data found") || l.contains("could not find codec") || l.contains("does not contain any stream")) {
            return "not a video stream";
        }
        String last = s.strip();
        int nl = last.lastIndexOf('\n');
        last = nl >= 0 ? last.substring(nl + 1) : last;
        return last.isEmpty() ? "the camera stream ended" : masked(last);
    }
}
