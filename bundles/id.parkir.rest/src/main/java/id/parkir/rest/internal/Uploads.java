package id.parkir.rest.internal;

import id.parkir.api.ParkirException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.cxf.jaxrs.ext.multipart.Attachment;
import org.apache.cxf.jaxrs.ext.multipart.MultipartBody;

/** Photos and fields from JSON (base64) or multipart/form-data requests. */
final class Uploads {
    /** Largest photo part read from a multipart request; the core applies its own, configurable limit. */
    static final int MAX_PART_BYTES = 8 * 1024 * 1024;

    private Uploads() {
    }

    static byte[] base64Image(String encoded) {
        if (encoded == null || encoded.isBlank()) {
            return null;
        }
        String data = encoded.startsWith("data:") && encoded.contains(",") ? encoded.substring(encoded.indexOf(',') + 1) : encoded;
        try {
            return Base64.getMimeDecoder().decode(data);
        } catch (IllegalArgumentException e) {
            throw ParkirException.invalid("image_invalid", "image must be base64-encoded JPEG or PNG");
        }
    }

    static String text(MultipartBody body, String name) {
        Attachment a = body.getAttachment(name);
        if (a == null) {
            return null;
        }
        try (InputStream in = a.getDataHandler().getInputStream()) {
            return new String(Bodies.readAtMost(in, 4096), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw ParkirException.invalid("multipart_invalid", "cannot read field '" + name + "'");
        }
    }

    static byte[] file(MultipartBody body, String name) {
        Attachment a = body.getAttachment(name);
        if (a == null) {
            return null;
        }
        try (InputStream in = a.getDataHandler().getInputStream()) {
            byte[] bytes = Bodies.readAtMost(in, MAX_PART_BYTES);
            return bytes.length == 0 ? null : bytes;
        } catch (IOException e) {
            throw ParkirException.invalid("multipart_invalid", "cannot read the uploaded '" + name + "'");
        }
    }

    static boolean flag(String text) {
        return text != null && (text.equalsIgnoreCase("true") || text.equals("1") || text.equalsIgnoreCase("on"));
    }
}
