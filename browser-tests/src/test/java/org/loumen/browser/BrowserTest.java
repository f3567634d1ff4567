package org.loumen.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.Dimension;

/**
 * What every browser test class shares: one real platform per class (started before its first test, stopped after
 * its last), a browser per test, and the check that the page logged no error (a CSP violation, a failed script).
 */
abstract class BrowserTest {

    static Platform platform;
    /** The browser the test opened last. */
    Browser b;
    private final List<Browser> open = new ArrayList<>();

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = Platform.start();
    }

    @AfterAll
    static void stopPlatform() throws Exception {
        if (platform != null) {
            platform.close();
        }
    }

    /** Opens a browser of the size (a test may open several, e.g. two roles side by side); screenshots use the prefix. */
    Browser browser(String prefix, Dimension size) {
        b = new Browser(prefix, size);
        open.add(b);
        return b;
    }

    @AfterEach
    void closeBrowsers() {
        try {
            for (Browser each : open) {
                assertEquals(List.of(), each.consoleErrors(), "browser console errors");
            }
        } finally {
            open.forEach(Browser::close);
            open.clear();
            b = null;
        }
    }
}
