package org.loumen.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Helpers of the tests of projects, the reserve, campaigns and consultations: the demo leaders (signed in after the
 * administrator resets their password), the demo streets' staff, and parallel calls.
 */
abstract class CivicTest extends PlatformTest {

    /** 双新街道's demo leader awarded for last year by the demo data (龚永红, 新华里 1号楼1单元). */
    static final String AWARDED = "13900000028";
    /** Another leader of 新华里 (1号楼2单元), not awarded. */
    static final String PLAIN = "13900000029";
    static final String XINHUALI_UNIT = XINHUALI + "B001U01";

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    /**
     * A demo leader's account (named by their phone). A demo account is first signed in with the password in the demo
     * accounts file, as the other tests of the run do (a reset would leave that file wrong for them); a leader without
     * one gets an account by bulk issuance in 新华里 and a password reset by the administrator.
     */
    Http demoLeader(String phone) throws Exception {
        if (http.json("POST", "/api/v1/auth/login", Map.of("username", phone, "password", PASSWORD)).status() == 200) {
            return login(phone, PASSWORD); // set by an earlier test of the run
        }
        String first = demoPassword(phone);
        if (first != null) {
            Http.Response r = http.json("POST", "/api/v1/auth/login", Map.of("username", phone, "password", first));
            assertEquals(200, r.status(), r.body());
            changePassword(http.as(r.json().get("token").asText()), first, PASSWORD);
            return login(phone, PASSWORD);
        }
        if (admin().get("/api/v1/users/" + phone).status() == 404) {
            // only one leader per demo community has an account: issue the other leaders' of 新华里 (once)
            admin().json("POST", "/api/v1/communities/" + XINHUALI + "/leader-accounts", Map.of("usernameFrom",
                    "phone"));
        }
        Http.Response reset = admin().json("POST", "/api/v1/users/" + phone + "/password-reset", Map.of());
        assertEquals(200, reset.status(), reset.body());
        String temporary = reset.json().get("temporaryPassword").asText();
        changePassword(login(phone, temporary), temporary, PASSWORD);
        return login(phone, PASSWORD);
    }

    /** The first password of a demo leader account from the demo accounts file; null when the phone has none. */
    static String demoPassword(String phone) throws Exception {
        Path file = Paths.get(System.getProperty("loumen.data")).resolve("demo-accounts.txt");
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 3 && f[1].equals(phone)) {
                return f[2];
            }
        }
        return null;
    }

    Http sxAdmin() throws Exception {
        return user("civic-sx-admin", "STREET_ADMIN", SHUANGXIN);
    }

    Http sxSecretary() throws Exception {
        return user("civic-sx-sec", "COMMUNITY_SECRETARY", XINHUALI);
    }

    Http sgAdmin() throws Exception {
        return user("civic-sg-admin", "STREET_ADMIN", SHUANGGANG);
    }

    static void assertRefused(Http.Response r, String field) {
        assertEquals(400, r.status(), r.body());
        assertEquals(field, r.json().get("field").asText(), r.body());
    }

    /** Runs the calls at once and returns their statuses. */
    static List<Integer> parallel(int n, Callable<Http.Response> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Http.Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(call));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Http.Response> f : futures) {
                statuses.add(f.get().status());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
