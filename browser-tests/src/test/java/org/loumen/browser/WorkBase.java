package org.loumen.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.Dimension;

/**
 * What the work pages' browser tests share: one platform per test class, browsers that are closed after each test
 * with no console errors allowed, and a few API helpers beside {@link Platform}'s (raw text answers, the data folder).
 */
abstract class WorkBase {

    static Platform platform;
    private final List<Browser> open = new ArrayList<>();

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = Platform.start();
    }

    @AfterAll
    static void stopPlatform() throws Exception {
        platform.close();
    }

    /** A browser for this test; closed (after checking its console) when the test ends. */
    Browser browser(String name, Dimension size) {
        Browser b = new Browser(name, size);
        open.add(b);
        return b;
    }

    @AfterEach
    void closeBrowsers() {
        try {
            for (Browser b : open) {
                assertEquals(List.of(), b.consoleErrors(), "browser console errors");
            }
        } finally {
            open.forEach(Browser::close);
            open.clear();
        }
    }

    /** GET as the user, answering the body as text (CSV downloads). */
    static String getText(String user, String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(platform.base() + path)).header("Authorization", "Bearer " + platform.token(user))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    /** The running platform's data folder (as its operator knows it), read from the process's command line. */
    static Path dataDir() {
        String port = platform.base().substring(platform.base().lastIndexOf(':') + 1);
        return ProcessHandle.allProcesses().map(p -> p.info().arguments().orElse(new String[0]))
                .filter(a -> List.of(a).contains("--port") && List.of(a).contains(port)).map(a -> {
                    List<String> l = List.of(a);
                    return Path.of(l.get(l.indexOf("--data") + 1));
                }).findFirst().orElseThrow(() -> new IllegalStateException("no loumen.jar on port " + port));
    }

    /** Writes a runtime setting as an operator does (DATA/conf/&lt;pid&gt;.cfg) and gives Config Admin time to apply it. */
    static void configure(String pid, String content) throws Exception {
        Path conf = dataDir().resolve("conf");
        Files.createDirectories(conf);
        Files.writeString(conf.resolve(pid + ".cfg"), content);
        Thread.sleep(3000);
    }
}
