package id.parkir.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.parkir.api.ParkirException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageStoreTest {
    @TempDir
    Path dir;

    private static byte[] encode(String format) throws IOException {
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        img.getGraphics().fillRect(10, 10, 30, 20);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    @Test
    void acceptsJpegAndPngAndStoresUnderTheDate() throws IOException {
        ImageStore store = new ImageStore(dir, 1_000_000, 16_777_216L, ZoneId.of("Asia/Jakarta"));
        byte[] jpeg = encode("jpg");
        assertEquals("jpg", store.check(jpeg));
        assertEquals("png", store.check(encode("png")));
        String rel = store.store(jpeg, "jpg", "ABCDEFGHJK", "entry", Instant.parse("2026-11-21T18:30:00Z"));
        assertTrue(rel.startsWith("2026/11/22/20261122-013000-000-ABCDEFGHJK-entry"), rel);
        assertArrayEquals(jpeg, Files.readAllBytes(dir.resolve(rel)));
    }

    @Test
    void refusesOversizeForeignBrokenAndTruncatedImages() throws IOException {
        ImageStore store = new ImageStore(dir, 10_000, 16_777_216L, ZoneId.of("Asia/Jakarta"));
        assertEquals("image_too_large", assertThrows(ParkirException.class, () -> store.check(new byte[10_001])).code());
        assertEquals("image_invalid", assertThrows(ParkirException.class, () -> store.check("GIF89a....".getBytes())).code());
        byte[] jpeg = encode("jpg");
        byte[] garbage = jpeg.clone();
        Arrays.fill(garbage, 3, garbage.length - 2, (byte) 0x55);
        assertEquals("image_invalid", assertThrows(ParkirException.class, () -> store.check(garbage)).code());
        byte[] truncated = Arrays.copyOf(jpeg, jpeg.length / 2);
        assertEquals("image_invalid", assertThrows(ParkirException.class, () -> store.check(truncated)).code());
    }

    @Test
    void refusesAPixelBombFromItsHeaderWithoutDecodingIt() throws IOException {
        ImageStore store = new ImageStore(dir, 1_000_000, 16_777_216L, ZoneId.of("Asia/Jakarta"));
        byte[] bomb = encode("jpg");
        int sof = sofOffset(bomb);
        bomb[sof + 5] = (byte) (30000 >> 8);
        bomb[sof + 6] = (byte) 30000;
        bomb[sof + 7] = (byte) (30000 >> 8);
        bomb[sof + 8] = (byte) 30000;
        ParkirException e = assertThrows(ParkirException.class, () -> store.check(bomb));
        assertEquals("image_dimensions_too_large", e.code());
        assertEquals(ParkirException.Kind.INVALID, e.kind());
        assertTrue(e.getMessage().contains("30000x30000"), e.getMessage());
    }

    private static int sofOffset(byte[] jpeg) {
        for (int i = 2; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xff) == 0xFF && (jpeg[i + 1] & 0xff) == 0xC0) {
                return i;
            }
        }
        throw new AssertionError("no SOF0");
    }
}
