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

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the work pages' browser tests share beyond {@link BrowserTest}: a few API helpers beside {@link Platform}'s
 * (raw text answers, runtime settings, ballots).
 */
abstract class WorkBase extends BrowserTest {

    /** {@link Browser#assertAccessible} at phone width (kept as a name the work pages' tests read well with). */
    static void assertAccessiblePhone(Browser b, String what) {
        b.assertAccessible(what);
    }

    /** GET as the user, answering the body as text (CSV downloads). */
    static String getText(String user, String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(platform.base() + path)).header("Authorization", "Bearer " + platform.token(user))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    static Path dataDir() {
        return platform.dataDir();
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
