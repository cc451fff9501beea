package id.parkir.rest.internal;

import id.parkir.api.ParkirException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads request bodies and uploads with a size limit, so an oversize upload never fills memory. */
final class Bodies {
    private Bodies() {
    }

    static byte[] readAtMost(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        int n;
        while ((n = in.read(buf)) > 0) {
            if (out.size() + n > limit) {
                throw new ParkirException(ParkirException.Kind.TOO_LARGE, "body_too_large",
                        "request body is larger than " + limit + " bytes");
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}
