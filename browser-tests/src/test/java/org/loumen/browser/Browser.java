package org.loumen.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Collectors;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/**
 * One headless Chromium (Debian's {@code chromium} and {@code chromedriver}; nothing is downloaded at test time) at a
 * desktop (1366×768) or phone (390×844) size, with screenshots, accessibility checks (axe-core) and the browser's
 * console errors (a CSP violation shows there).
 */
public final class Browser implements AutoCloseable {

    public static final Dimension DESKTOP = new Dimension(1366, 768);
    public static final Dimension PHONE = new Dimension(390, 844);
    static final Path SHOTS = Path.of(System.getProperty("screenshots", "target/screenshots"));

    public final WebDriver driver;
    public final WebDriverWait wait;
    private final String prefix;

    public Browser(String prefix, Dimension size) {
        this.prefix = prefix;
        ChromeOptions o = new ChromeOptions();
        o.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--lang=zh-CN", "--force-device-scale-factor=1",
                "--window-size=" + size.width + "," + size.height);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        o.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"))
                        .toFile())
                .build();
        driver = new ChromeDriver(service, o);
        driver.manage().window().setSize(size);
        // generous: the machines that run CI are small and busy
        wait = new WebDriverWait(driver, Duration.ofSeconds(45));
        // a condition that reads an element the page re-renders meanwhile (Vue replaces it) is simply read again
        wait.ignoring(StaleElementReferenceException.class);
    }

    /** Saves a screenshot as target/screenshots/&lt;prefix&gt;-&lt;name&gt;.png (look at them). */
    public Path shot(String name) {
        try {
            Files.createDirectories(SHOTS);
            Path file = SHOTS.resolve(prefix + "-" + name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fails on any serious or critical accessibility violation of the page as it is now. */
    public void assertAccessible(String what) {
        Results r = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver);
        List<Rule> bad = r.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact())).toList();
        if (!bad.isEmpty()) {
            throw new AssertionError("accessibility violations on " + what + ": " + bad.stream()
                    .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at "
                            + v.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget()))
                                    .collect(Collectors.joining(", ")))
                    .collect(Collectors.joining("; ")));
        }
    }

    /** The browser console's errors since the last call (CSP violations, failed scripts). */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage)
                // a refused request (401/404/409...) is logged by Chromium as an error; pages handle those
                .filter(m -> !m.contains("Failed to load resource: the server responded with a status of 4"))
                .toList();
    }

    public WebElement find(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public WebElement clickable(By by) {
        return wait.until(ExpectedConditions.elementToBeClickable(by));
    }

    /**
     * Clicks as a person would: waits for the element, brings it at once to the middle of the window (clear of the
     * sticky top bar), waits until it rests there for two frames (a list above it may still be filling in and push it
     * down), and tries again while something still covers it for a moment (a re-render, a closing dialog).
     */
    public void click(By by) {
        new WebDriverWait(driver, Duration.ofSeconds(45)).ignoring(ElementClickInterceptedException.class)
                .ignoring(StaleElementReferenceException.class).until(d -> {
                    WebElement e = clickable(by);
                    if (!Boolean.TRUE.equals(((JavascriptExecutor) d).executeAsyncScript(AT_REST, e))) {
                        return false;
                    }
                    e.click();
                    return true;
                });
    }

    /** Scrolls the element to the middle without animation; answers whether it stayed put over two frames, its middle in view. */
    private static final String AT_REST = """
            const [el, done] = arguments;
            el.scrollIntoView({block: 'center', inline: 'nearest', behavior: 'instant'});
            const a = el.getBoundingClientRect();
            requestAnimationFrame(() => requestAnimationFrame(() => {
              const r = el.getBoundingClientRect();
              const middle = r.top + r.height / 2;
              done(r.top === a.top && r.left === a.left && middle >= 0 && middle <= window.innerHeight);
            }));
            """;

    /** Waits until the page's text contains the words. */
    public void waitForText(String text) {
        wait.until(d -> d.findElement(By.tagName("body")).getText().contains(text));
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
