package id.parkir.api.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws a {@link ReportChart} as a PNG bar chart (grouped bars, one colour per series, a legend),
 * for the exporters that embed a chart image. Plain Java 2D: no chart library in the server.
 */
public final class ChartImage {
    private static final Color[] COLOURS = {new Color(0x1f6fb2), new Color(0x1f8a3a), new Color(0xc98a00),
        new Color(0xc62828), new Color(0x6a1b9a), new Color(0x00838f)};

    private ChartImage() {
    }

    public static byte[] png(ReportChart chart, int width, int height) throws IOException {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            draw(g, chart, width, height);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private static void draw(Graphics2D g, ReportChart chart, int width, int height) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.setColor(Color.DARK_GRAY);
        g.drawString(chart.title(), 12, 20);
        int left = 70;
        int right = width - 12;
        int top = 34;
        int bottom = height - 48;
        long max = 4; // at least 4, so the axis' quarter ticks are whole numbers (0 1 2 3 4) on an almost empty chart
        for (ReportChart.Series s : chart.series()) {
            for (Long v : s.values()) {
                max = Math.max(max, v == null ? 0 : v);
            }
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.setStroke(new BasicStroke(1));
        for (int i = 0; i <= 4; i++) {
            int y = bottom - (bottom - top) * i / 4;
            g.setColor(new Color(0xe0e0e0));
            g.drawLine(left, y, right, y);
            g.setColor(Color.GRAY);
            g.drawString(compact(max * i / 4), 6, y + 4);
        }
        List<String> labels = chart.labels();
        int groups = Math.max(1, labels.size());
        int perGroup = Math.max(1, chart.series().size());
        double groupWidth = (double) (right - left) / groups;
        double bar = Math.max(1, groupWidth * 0.8 / perGroup);
        int labelEvery = Math.max(1, (int) Math.ceil(groups * 40.0 / (right - left)));
        for (int i = 0; i < labels.size(); i++) {
            double x0 = left + i * groupWidth + groupWidth * 0.1;
            for (int s = 0; s < chart.series().size(); s++) {
                List<Long> values = chart.series().get(s).values();
                long v = i < values.size() && values.get(i) != null ? values.get(i) : 0;
                int h = (int) Math.round((double) (bottom - top) * v / max);
                g.setColor(COLOURS[s % COLOURS.length]);
                g.fillRect((int) Math.round(x0 + s * bar), bottom - h, (int) Math.max(1, Math.round(bar) - 1), h);
            }
            if (i % labelEvery == 0) {
                g.setColor(Color.DARK_GRAY);
                g.drawString(labels.get(i), (int) Math.round(x0), bottom + 14);
            }
        }
        int x = left;
        for (int s = 0; s < chart.series().size(); s++) {
            g.setColor(COLOURS[s % COLOURS.length]);
            g.fillRect(x, height - 22, 10, 10);
            g.setColor(Color.DARK_GRAY);
            String name = chart.series().get(s).name();
            g.drawString(name, x + 14, height - 13);
            x += 24 + g.getFontMetrics().stringWidth(name);
        }
    }

    /** 1500000 as "1,5 jt", 2500 as "2,5 rb": axis labels that fit. */
    static String compact(long v) {
        if (v >= 1_000_000_000L) {
            return String.format(java.util.Locale.ROOT, "%.1f M", v / 1e9).replace('.', ',');
        }
        if (v >= 1_000_000) {
            return String.format(java.util.Locale.ROOT, "%.1f jt", v / 1e6).replace('.', ',');
        }
        if (v >= 1_000) {
            return String.format(java.util.Locale.ROOT, "%.1f rb", v / 1e3).replace('.', ',');
        }
        return Long.toString(v);
    }
}
