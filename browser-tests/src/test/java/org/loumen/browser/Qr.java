package org.loumen.browser;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/** Reads a printed QR code back from the page as a phone's camera would: from its pixels on the screen. */
final class Qr {

    private Qr() {
    }

    /**
     * The text of the QR code drawn by the element: the window's pixels where the element is (scrolled to the middle,
     * clear of the sticky toolbar), with a white margin, enlarged as a camera close to the sheet sees it.
     */
    static String read(WebDriver driver, WebElement qr) throws Exception {
        // a tall window, so that a code near the foot of an A4 sheet can be brought to the middle (the preview's
        // sticky toolbar stays clear of it); the window's own size comes back afterwards
        Dimension size = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(size.width, Math.max(size.height, 1600)));
        try {
            // headless Chromium may take the next screenshot before the new window size is laid out (CI once cut the
            // code off at the old window's foot): a code that is not readable is looked at again, up to three times
            for (int attempt = 1;; attempt++) {
                try {
                    return readInView(driver, qr);
                } catch (AssertionError unreadable) {
                    if (attempt == 3) {
                        throw unreadable;
                    }
                    Thread.sleep(500);
                }
            }
        } finally {
            driver.manage().window().setSize(size);
        }
    }

    private static String readInView(WebDriver driver, WebElement qr) throws Exception {
        @SuppressWarnings("unchecked")
        List<Number> r = (List<Number>) ((JavascriptExecutor) driver).executeAsyncScript(
                "const el = arguments[0], done = arguments[arguments.length - 1];"
                        + " document.fonts.ready.then(() => { el.scrollIntoView({block: 'center'});"
                        + " requestAnimationFrame(() => requestAnimationFrame(() => {"
                        + " const r = el.getBoundingClientRect(); done([r.left, r.top, r.width, r.height]); })); });",
                qr);
        BufferedImage shot = ImageIO.read(new ByteArrayInputStream(
                ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES)));
        int x = (int) Math.floor(r.get(0).doubleValue());
        int y = (int) Math.floor(r.get(1).doubleValue());
        int w = Math.min((int) Math.ceil(r.get(2).doubleValue()), shot.getWidth() - x);
        int h = Math.min((int) Math.ceil(r.get(3).doubleValue()), shot.getHeight() - y);
        BufferedImage crop = shot.getSubimage(x, y, w, h);
        int pad = 20;
        int scale = 3;
        BufferedImage img = new BufferedImage((w + 2 * pad) * scale, (h + 2 * pad) * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(crop, pad * scale, pad * scale, w * scale, h * scale, null);
        g.dispose();
        try {
            BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(img)));
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE,
                    DecodeHintType.CHARACTER_SET, "UTF-8")).getText();
        } catch (NotFoundException e) {
            Files.createDirectories(Browser.SHOTS);
            ImageIO.write(img, "png", Browser.SHOTS.resolve("qr-unreadable.png").toFile());
            throw new AssertionError("no QR code readable where the element is: see qr-unreadable.png " + r, e);
        }
    }
}
