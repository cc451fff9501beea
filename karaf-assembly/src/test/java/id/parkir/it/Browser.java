package id.parkir.it;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real Chromium (Debian's chromium and chromium-driver) driven by Selenium, at the gate PC's
 * 1366x768, with a fake webcam that shows a real gate photo (Chromium's file-based fake capture).
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");

    final ChromeDriver driver;
    final Path screenshots = Paths.get("target", "screenshots").toAbsolutePath();

    Browser(Path webcamPhoto, Path work) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("the web UI's tests need Debian's Chromium and its driver (test-only):"
                    + " apt-get install -y chromium chromium-driver (.ci/run does it)");
        }
        Path video = work.resolve("webcam.y4m");
        writeY4m(ImageIO.read(webcamPhoto.toFile()), video);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--window-size=1366,768", "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                "--use-file-for-fake-video-capture=" + video, "--ignore-certificate-errors", "--lang=id");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        // the page itself gets 1366x768, as on a gate PC's screen (the window would keep some for itself)
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 1366, "height", 768, "deviceScaleFactor", 1, "mobile", false));
        Files.createDirectories(screenshots);
    }

    /** A still photo as a one-frame YUV4MPEG2 video (4:2:0), which Chromium's fake webcam loops. */
    static void writeY4m(BufferedImage image, Path file) throws IOException {
        int w = image.getWidth() & ~1;
        int h = image.getHeight() & ~1;
        byte[] y = new byte[w * h];
        byte[] u = new byte[w * h / 4];
        byte[] v = new byte[w * h / 4];
        for (int row = 0; row < h; row++) {
            for (int col = 0; col < w; col++) {
                int rgb = image.getRGB(col, row);
                int r = (rgb >> 16) & 255;
                int g = (rgb >> 8) & 255;
                int b = rgb & 255;
                y[row * w + col] = (byte) clamp(0.299 * r + 0.587 * g + 0.114 * b);
                if (row % 2 == 0 && col % 2 == 0) {
                    int i = (row / 2) * (w / 2) + col / 2;
                    u[i] = (byte) clamp(128 - 0.168736 * r - 0.331264 * g + 0.5 * b);
                    v[i] = (byte) clamp(128 + 0.5 * r - 0.418688 * g - 0.081312 * b);
                }
            }
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(("YUV4MPEG2 W" + w + " H" + h + " F10:1 Ip A1:1 C420jpeg\n").getBytes(StandardCharsets.US_ASCII));
            out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
            out.write(y);
            out.write(u);
            out.write(v);
        }
    }

    private static int clamp(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }

    void open(String url) {
        driver.get(url);
    }

    /** Goes to a route of the page (#/route) and waits until its screen is shown; "admin/session/X" shows "admin/session". */
    void go(String route) {
        js("window.location.hash = arguments[0]", "#/" + route);
        waitFor(Duration.ofSeconds(10), d -> {
            String screen = String.valueOf(js("return document.getElementById('screen').dataset.screen"));
            return route.equals(screen) || route.startsWith(screen + "/");
        });
    }

    <T> T waitFor(Duration timeout, Function<WebDriver, T> condition) {
        // a list the page re-renders (after a save) makes the element found a moment ago stale: look again
        return new WebDriverWait(driver, timeout, Duration.ofMillis(50))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    /** The element once it is displayed. */
    WebElement visible(String css) {
        try {
            return waitFor(Duration.ofSeconds(15), d -> {
                List<WebElement> found = d.findElements(By.cssSelector(css));
                return !found.isEmpty() && found.get(0).isDisplayed() ? found.get(0) : null;
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            failureScreenshot();
            throw new AssertionError(css + " not shown; page text: " + driver.findElement(By.tagName("body")).getText(), e);
        }
    }

    private void failureScreenshot() {
        try {
            screenshot("failure-" + System.currentTimeMillis());
        } catch (IOException | RuntimeException ignored) {
            // the assertion says what failed
        }
    }

    /** Waits until an element's text contains something. */
    String textOf(String css, String contains) {
        return waitFor(Duration.ofSeconds(15), d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            String text = found.isEmpty() ? "" : found.get(0).getText();
            return text.contains(contains) ? text : null;
        });
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Keys typed where the focus is, as an operator (or a USB barcode scanner) types them. */
    void keys(CharSequence... keys) {
        driver.switchTo().activeElement().sendKeys(keys);
    }

    String focusedId() {
        return driver.switchTo().activeElement().getAttribute("id");
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    void screenshot(String name) throws IOException {
        Files.write(screenshots.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    /** Renders the page as the printer gets it (print media) and takes that picture. */
    BufferedImage printView(String name) throws IOException {
        // print media hides the screen, and the focused field with it: it gets the focus back after
        js("window.__focusBeforePrint = document.activeElement");
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            byte[] png = driver.getScreenshotAs(OutputType.BYTES);
            Files.write(screenshots.resolve(name + ".png"), png);
            return ImageIO.read(new ByteArrayInputStream(png));
        } finally {
            driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
            js("if (window.__focusBeforePrint) window.__focusBeforePrint.focus()");
        }
    }

    /** The text of the first Code 128 barcode in a picture, read as an exit scanner would. */
    static String readBarcode(BufferedImage image) throws Exception {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        return new MultiFormatReader().decode(bitmap, Map.of(DecodeHintType.POSSIBLE_FORMATS,
                List.of(com.google.zxing.BarcodeFormat.CODE_128), DecodeHintType.TRY_HARDER, true)).getText();
    }

    static Keys enter() {
        return Keys.ENTER;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
