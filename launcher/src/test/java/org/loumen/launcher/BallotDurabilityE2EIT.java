package org.loumen.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Ballots over HTTP lose nothing acknowledged: 16 clients cast ballots (each code once) as fast as they can, the
 * platform is killed with SIGKILL at a random moment among them, and after a restart on the same data folder every
 * ballot that was answered 201 is counted: its code answers 409 {@code code-used}, and the evaluation counts at least
 * as many ballots as were acknowledged.
 */
class BallotDurabilityE2EIT extends E2EBase {

    private static final String PASSWORD = "Ballot-Durable-2026";
    private static final String COMMUNITY = "选票持久测试社区";

    @Test
    void everyAcknowledgedBallotSurvivesKillNine() throws Exception {
        Path data = tmp.resolve("data");
        Map<String, String> env = Map.of("LOUMEN_ADMIN_PASSWORD", PASSWORD);
        Running first = startSignedIn(env, data, PASSWORD, "--demo");
        int port = first.port();
        String token = first.token();

        // a community of its own: 10 buildings of 2 units, a unit leader each, 60 households per unit
        StringBuilder leaders = new StringBuilder("street,community,building,unit,role,name,gender,birth_date,"
                + "education,party_member,phone,nomination\n");
        StringBuilder households = new StringBuilder("street,community,building,unit,room,head_name,members,phone,"
                + "special_groups\n");
        for (int b = 1; b <= 10; b++) {
            for (int u = 1; u <= 2; u++) {
                leaders.append("北闸口镇,").append(COMMUNITY).append(',').append(b).append("号楼,").append(u)
                        .append("单元,楼门长,持久").append(b).append('-').append(u).append(",女,1966-06-06,高中,是,")
                        .append(String.format("1860000%02d%02d", b, u)).append(",自荐\n");
                for (int r = 1; r <= 60; r++) {
                    households.append("北闸口镇,").append(COMMUNITY).append(',').append(b).append("号楼,").append(u)
                            .append("单元,").append(100 * (r / 10 + 1) + r % 10).append(",住户").append(r)
                            .append(",2,,\n");
                }
            }
        }
        assertEquals(2, upload(port, token, "/api/v1/imports/leaders", leaders.toString()) / 100);
        assertEquals(2, upload(port, token, "/api/v1/imports/households", households.toString()) / 100);
        String community = null;
        for (JsonNode s : json(get(port, "/api/v1/public/streets"), 200)) {
            if (s.get("name").asText().equals("北闸口镇")) {
                for (JsonNode c : json(get(port, "/api/v1/public/streets/" + s.get("code").asText()
                        + "/communities"), 200)) {
                    community = c.get("name").asText().equals(COMMUNITY) ? c.get("code").asText() : community;
                }
            }
        }
        assertTrue(community != null);
        Map<String, String> leaderOfUnit = new HashMap<>();
        for (JsonNode l : json(send(port, "GET", "/api/v1/leaders?community=" + community + "&size=200", token,
                null), 200).get("items")) {
            for (JsonNode a : l.get("assignments")) {
                leaderOfUnit.put(a.get("buildingLabel").asText() + a.get("unitLabel").asText(), l.get("id").asText());
            }
        }
        assertEquals(20, leaderOfUnit.size(), leaderOfUnit.toString());
        JsonNode evaluation = json(send(port, "POST", "/api/v1/evaluations", token, "{\"community\":\"" + community
                + "\",\"period\":\"2026-H2\"}"), 201);
        String id = evaluation.get("id").asText();
        String codes = send(port, "GET", "/api/v1/evaluations/" + id + "/ballot-codes", token, null).body();
        Queue<String[]> ballots = new ConcurrentLinkedQueue<>();
        Matcher m = Pattern.compile("\"(\\d+号楼\\d+单元)\\d+\",([0-9A-Z-]+)").matcher(codes);
        while (m.find()) {
            ballots.add(new String[] { m.group(2), "{\"code\":\"" + m.group(2) + "\",\"ratings\":[{\"leader\":\""
                    + leaderOfUnit.get(m.group(1)) + "\",\"rating\":\"SATISFIED\"}]}" });
        }
        assertEquals(1200, ballots.size());

        Map<String, String> acknowledged = new ConcurrentHashMap<>(); // code -> the ballot sent
        Set<String> refused = ConcurrentHashMap.newKeySet();
        long seed = System.nanoTime();
        int killAfter = 100 + new Random(seed).nextInt(500);
        killUnderLoad(first.process(), 16, c -> () -> {
            String[] ballot = ballots.poll();
            if (ballot == null) {
                return false;
            }
            HttpResponse<String> r = send(port, "POST", "/api/v1/ballots", null, ballot[1]);
            if (r.statusCode() == 201) {
                acknowledged.put(ballot[0], ballot[1]);
            } else {
                refused.add(r.statusCode() + " " + r.body());
            }
            return true;
        }, acknowledged::size, killAfter, Duration.ofSeconds(120));
        Map<String, String> answered = new HashMap<>(acknowledged);
        assertFalse(answered.isEmpty());
        assertTrue(refused.isEmpty(), "no ballot refused before the kill: " + refused);

        Running second = startSignedIn(env, data, PASSWORD);
        int port2 = second.port();
        String token2 = second.token();
        long counted = json(send(port2, "GET", "/api/v1/evaluations/" + id, token2, null), 200).get("ballots")
                .asLong();
        assertTrue(counted >= answered.size(), counted + " ballots counted, " + answered.size() + " acknowledged");
        Set<String> lost = new HashSet<>();
        for (Map.Entry<String, String> ballot : answered.entrySet()) {
            // the same ballot again: refused as used only if the first one is stored
            HttpResponse<String> again = send(port2, "POST", "/api/v1/ballots", null, ballot.getValue());
            if (again.statusCode() != 409 || !again.body().contains("code-used")) {
                lost.add(ballot.getKey() + " " + again.statusCode() + " " + again.body());
            }
        }
        assertTrue(lost.isEmpty(), lost.size() + " of " + answered.size() + " acknowledged ballots lost: "
                + lost.stream().limit(20).toList());
        System.out.println("ballot durability (seed " + seed + "): SIGKILL after " + answered.size()
                + " acknowledged ballots, " + counted + " counted after restart (answers in flight may be counted "
                + "without having been received)");
    }

    private int upload(int port, String token, String path, String csv) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "text/csv")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() / 100 == 2, r.statusCode() + " " + r.body());
        return r.statusCode();
    }
}
