package org.loumen.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    Browser b;

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

    /** Opens a browser of the size; screenshots are named after the prefix. */
    Browser browser(String prefix, Dimension size) {
        b = new Browser(prefix, size);
        return b;
    }

    @AfterEach
    void closeBrowser() {
        if (b != null) {
            try {
                assertEquals(List.of(), b.consoleErrors(), "browser console errors");
            } finally {
                b.close();
                b = null;
            }
        }
    }
}
