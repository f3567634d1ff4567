package org.loumen.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Finding 1 of the hardening issue: parallel writes that collide. Sixteen requests at once per case: different
 * objects all succeed with distinct generated codes; the same object succeeds once and the others get 409 naming
 * the field; never a 500, and nothing half-written (counted afterwards).
 */
class ConcurrencyIT extends PlatformTest {

    static final int PARALLEL = 16;

    /** Sends {@code PARALLEL} requests released at the same instant; the answers in order. */
    static List<Http.Response> parallel(IntFunction<Callable<Http.Response>> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Http.Response>> futures = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                Callable<Http.Response> call = request.apply(i);
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            go.countDown();
            List<Http.Response> out = new ArrayList<>();
            for (Future<Http.Response> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    static void allCreated(List<Http.Response> answers) {
        for (Http.Response r : answers) {
            assertEquals(201, r.status(), "every distinct object is created: " + r.body());
        }
    }

    /** Exactly one 201; every other answer 409 naming the field. */
    static void oneCreatedRestConflict(List<Http.Response> answers, String field) {
        int created = 0;
        for (Http.Response r : answers) {
            if (r.status() == 201) {
                created++;
            } else {
                assertEquals(409, r.status(), r.body());
                assertTrue(r.contentType().startsWith("application/json"), r.contentType());
                assertEquals(field, r.json().path("field").asText(), r.body());
            }
        }
        assertEquals(1, created, "exactly one request creates the object: " + answers);
    }

    /** A community of its own for this run (the test data folder may outlive one run). */
    private String newCommunity(Http admin) throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            String code = SHUANGGANG + (500 + ThreadLocalRandom.current().nextInt(499));
            Http.Response r = admin.json("POST", "/api/v1/streets/" + SHUANGGANG + "/communities",
                    Map.of("code", code, "name", "并发测试" + code.substring(9)));
            if (r.status() == 201) {
                return code;
            }
        }
        throw new AssertionError("no free community code");
    }

    @Test
    void parallelWritesNeverAnswer500() throws Exception {
        Http admin = admin();
        String community = newCommunity(admin);

        // buildings with different labels: all created, codes distinct
        List<Http.Response> buildings = parallel(i -> () -> admin.json("POST",
                "/api/v1/communities/" + community + "/buildings", Map.of("label", (i + 1) + "号楼")));
        allCreated(buildings);
        Set<String> codes = new HashSet<>();
        buildings.forEach(r -> codes.add(r.json().get("code").asText()));
        assertEquals(PARALLEL, codes.size(), "distinct codes: " + codes);
        JsonNode stored = admin.get("/api/v1/communities/" + community + "/buildings").json();
        assertEquals(PARALLEL, stored.size(), "nothing lost or doubled");
        String building = stored.get(0).get("code").asText();

        // the same label: one building, 409 on label for the others
        oneCreatedRestConflict(parallel(i -> () -> admin.json("POST", "/api/v1/communities/" + community
                + "/buildings", Map.of("label", "同名楼"))), "label");
        assertEquals(PARALLEL + 1, admin.get("/api/v1/communities/" + community + "/buildings").json().size());

        // units with different labels
        List<Http.Response> units = parallel(i -> () -> admin.json("POST", "/api/v1/buildings/" + building + "/units",
                Map.of("label", (i + 1) + "单元")));
        allCreated(units);
        Set<String> unitCodes = new HashSet<>();
        units.forEach(r -> unitCodes.add(r.json().get("code").asText()));
        assertEquals(PARALLEL, unitCodes.size(), "distinct unit codes: " + unitCodes);
        String unit = units.get(0).json().get("code").asText();

        // imports that each create a building in the same community
        List<Http.Response> imports = parallel(i -> () -> admin.upload("/api/v1/imports/leaders",
                "street,community,building,unit,role,name,gender,birth_date,education,party_member,phone,nomination\n"
                        + SHUANGGANG + "," + community + ",导入" + i + "号楼,,栋长,并发导入" + i + ",男,1970-01-01,本科,是,"
                        + String.format("1390%03d%04d", Integer.parseInt(community.substring(9)), i) + ",自荐\n"));
        for (Http.Response r : imports) {
            assertEquals(200, r.status(), r.body());
            assertEquals(1, r.json().get("created").get("buildings").asInt(), r.body());
        }
        assertEquals(2 * PARALLEL + 1, admin.get("/api/v1/communities/" + community + "/buildings").json().size());

        // leaders with the same phone: one, 409 on phone
        String phone = String.format("1370%03d9999", Integer.parseInt(community.substring(9)));
        oneCreatedRestConflict(parallel(i -> () -> admin.json("POST", "/api/v1/communities/" + community + "/leaders",
                Map.of("name", "同号" + i, "gender", "FEMALE", "birthDate", "1970-01-01", "education", "BACHELOR",
                        "partyMember", false, "phone", phone, "nomination", "SELF",
                        "assignments", List.of(Map.of("role", "UNIT_LEADER", "place", unit))))), "phone");
        assertEquals(1, admin.get("/api/v1/leaders?community=" + community + "&q=" + phone).json().get("total").asInt());

        // households in the same room: one, 409 on room
        oneCreatedRestConflict(parallel(i -> () -> admin.json("POST", "/api/v1/units/" + unit + "/households",
                Map.of("room", "101", "headName", "同房" + i, "members", 2))), "room");
        assertEquals(1, admin.get("/api/v1/households?community=" + community).json().get("total").asInt());

        // the same evaluation: one, 409 on period
        oneCreatedRestConflict(parallel(i -> () -> admin.json("POST", "/api/v1/evaluations",
                Map.of("community", community, "period", "2026-H1"))), "period");
    }
}
