package org.loumen.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumDriver;

/**
 * 导入导出: uploading a spreadsheet of leaders or households, the bad rows of a refused file, and downloads (the
 * browser saves them into a folder of the test's, set through the DevTools protocol).
 */
public class ImportsPage extends ConsolePage {

    private final Path downloads;

    public ImportsPage(Browser b, Platform platform, Path downloads) {
        super(b, platform);
        this.downloads = downloads;
        ((ChromiumDriver) b.driver).executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                "downloadPath", downloads.toAbsolutePath().toString(), "eventsEnabled", true));
    }

    public ImportsPage show() {
        go("/imports");
        b.find(By.cssSelector("[data-testid=export-leaders]"));
        return this;
    }

    public boolean canImport() {
        return !b.driver.findElements(By.cssSelector("[data-testid=import-file]")).isEmpty();
    }

    /** Chooses what to import: leaders or households. */
    public ImportsPage kind(String kind) {
        Forms.press(b, By.cssSelector("label[for=import-kind-" + kind + "]"));
        return this;
    }

    /** Picks the file and uploads it. */
    public ImportsPage upload(Path file) {
        WebElement input = b.driver.findElement(By.cssSelector("[data-testid=import-file]"));
        input.sendKeys(file.toAbsolutePath().toString());
        Forms.press(b, By.cssSelector("[data-testid=import-submit]"));
        b.wait.until(d -> !d.findElements(By.cssSelector("[data-testid=import-result], [data-testid=bad-rows], "
                + "main .alert-danger")).isEmpty());
        return this;
    }

    /** How many rows the success message says were imported. */
    public int imported() {
        return Integer.parseInt(b.find(By.cssSelector("[data-testid=import-result]")).getAttribute("data-imported"));
    }

    public String result() {
        return b.find(By.cssSelector("[data-testid=import-result]")).getText();
    }

    public String badRowsText() {
        return b.find(By.cssSelector("[data-testid=bad-rows]")).getText();
    }

    /** The bad rows' cells: row, column, value, reason. */
    public List<List<String>> badRows() {
        return b.driver.findElements(By.cssSelector("[data-testid=bad-row]")).stream()
                .map(tr -> tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList()).toList();
    }

    public Path downloadBadRows() {
        return download(By.cssSelector("[data-testid=download-bad-rows]"));
    }

    public Path exportLeaders() {
        return download(By.cssSelector("[data-testid=export-leaders]"));
    }

    /** Presses the button and waits for a new, complete file in the downloads folder. */
    private Path download(By button) {
        Set<Path> before = files();
        Forms.press(b, button);
        return b.wait.until(d -> {
            Set<Path> now = files();
            now.removeAll(before);
            return now.stream().filter(p -> !p.getFileName().toString().endsWith(".crdownload")).findFirst()
                    .orElse(null);
        });
    }

    private Set<Path> files() {
        try (Stream<Path> s = Files.list(downloads)) {
            return s.collect(Collectors.toSet());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
