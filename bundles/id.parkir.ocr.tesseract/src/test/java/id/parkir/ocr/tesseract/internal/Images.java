package id.parkir.ocr.tesseract.internal;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import id.parkir.api.anpr.GrayImage;

final class Images {
    private Images() {
    }

    static GrayImage load(Path file) throws IOException {
        BufferedImage src = ImageIO.read(file.toFile());
        if (src == null) {
            throw new IOException("not an image: " + file);
        }
        BufferedImage grey = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        grey.getGraphics().drawImage(src, 0, 0, null);
        byte[] px = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        return new GrayImage(grey.getWidth(), grey.getHeight(), px.clone());
    }

    static void save(GrayImage img, Path file) throws IOException {
        BufferedImage out = new BufferedImage(img.width(), img.height(), BufferedImage.TYPE_BYTE_GRAY);
        out.getRaster().setDataElements(0, 0, img.width(), img.height(), img.pixels());
        ImageIO.write(out, "png", file.toFile());
    }
}
