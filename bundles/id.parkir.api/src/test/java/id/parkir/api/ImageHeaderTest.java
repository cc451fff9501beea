package id.parkir.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImageHeaderTest {
    private static byte[] encode(String format, int w, int h) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), format, out);
        return out.toByteArray();
    }

    @Test
    void readsTheDeclaredSizeOfJpegAndPng() throws IOException {
        assertEquals(new ImageHeader.Size(1280, 720), ImageHeader.size(encode("jpg", 1280, 720)).orElseThrow());
        assertEquals(new ImageHeader.Size(33, 17), ImageHeader.size(encode("png", 33, 17)).orElseThrow());
        assertEquals("jpg", ImageHeader.format(encode("jpg", 8, 8)));
        assertEquals("png", ImageHeader.format(encode("png", 8, 8)));
        assertNull(ImageHeader.format("GIF89a".getBytes()));
    }

    @Test
    void aTinyFileThatClaimsBillionsOfPixelsIsRefusedAs400() throws IOException {
        byte[] png = encode("png", 16, 16);
        png[16] = 0x7F; // width 2^31-ish
        png[20] = 0x7F;
        ParkirException e = assertThrows(ParkirException.class, () -> ImageHeader.requireAcceptable(png, 1_000_000, 16_777_216));
        assertEquals("image_dimensions_too_large", e.code());
        assertEquals(400, e.kind().httpStatus);
        byte[] wide = encode("png", 16, 16);
        wide[17] = 0x01; // 65552 x 16: few pixels, too wide a side
        assertEquals("image_dimensions_too_large",
                assertThrows(ParkirException.class, () -> ImageHeader.requireAcceptable(wide, 1_000_000, Long.MAX_VALUE)).code());
    }

    @Test
    void headersThatStopShortOrSayNothingAreRefused() throws IOException {
        byte[] jpeg = encode("jpg", 64, 64);
        assertTrue(ImageHeader.size(Arrays.copyOf(jpeg, 20)).isEmpty());
        assertEquals("image_invalid",
                assertThrows(ParkirException.class, () -> ImageHeader.requireAcceptable(Arrays.copyOf(jpeg, 20), 1_000_000, 1_000_000)).code());
        assertEquals("image_invalid", assertThrows(ParkirException.class, () -> ImageHeader.requireAcceptable(
                new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9}, 1_000_000, 1_000_000)).code());
        assertEquals("image_invalid",
                assertThrows(ParkirException.class, () -> ImageHeader.requireAcceptable(encode("png", 4, 4), 1_000_000, 1_000_000)).code());
        assertEquals("image_too_large",
                assertThrows(ParkirException.class, () -> ImageHeader.requireAcceptable(jpeg, 100, 1_000_000)).code());
    }
}
