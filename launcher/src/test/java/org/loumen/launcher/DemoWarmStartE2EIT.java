package org.loumen.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The demo's checks at a warm start are cheap ones (any leader row, any household row, one query for the six demo
 * leaders' accounts, the reference tree read before it is written), and a warm start of the same build runs them once
 * the platform has started: a second start with {@code --demo} on the same folder must find the demo complete and add
 * nothing — no second import, no account issued again (the first passwords in {@code demo-accounts.txt} still sign
 * in), the same counts.
 */
class DemoWarmStartE2EIT extends E2EBase {

    private static final String ADMIN = "Warm-Start-2026";
    private static final String DEMO_LEADER = "13900000005";

    @Test
    void aWarmStartWithDemoFindsTheDemoCompleteAndAddsNothing() throws Exception {
        Path data = tmp.resolve("data");
        Map<String, String> env = Map.of("LOUMEN_ADMIN_PASSWORD", ADMIN);
        int port = freePort();
        Process first = start(env, data, port, "--demo");
        awaitHealth(first, port);
        assertTrue(log(0).contains("演示楼门栋长账号"), "the first start issues the demo leaders' accounts: " + log(0));
        assertFalse(log(0).contains("[loumen-demo-check]"), "a first start seeds before UP: " + log(0));
        String token = login(port, "admin", ADMIN);
        long leaders = total(port, token, "/api/v1/leaders?size=1");
        long households = total(port, token, "/api/v1/households?size=1");
        assertTrue(leaders > 0 && households > 0, leaders + " leaders, " + households + " households");
        String accounts = Files.readString(data.resolve("demo-accounts.txt"), StandardCharsets.UTF_8);
        String password = firstPassword(accounts, DEMO_LEADER);
        assertNotNull(password, accounts);
        terminate(first);

        int port2 = freePort();
        Process again = start(env, data, port2, "--demo");
        awaitHealth(again, port2);
        String token2 = login(port2, "admin", ADMIN);
        // the warm start's check runs after start, on its own thread, and finds the demo complete
        long until = System.currentTimeMillis() + 60_000;
        while (!log(1).contains("[loumen-demo-check]") && System.currentTimeMillis() < until) {
            Thread.sleep(100);
        }
        assertTrue(log(1).contains("[loumen-demo-check]"), log(1));
        assertTrue(log(1).contains("Demo data: 0 communities added"), log(1));
        assertEquals(leaders, total(port2, token2, "/api/v1/leaders?size=1"), "no second import of the leaders");
        assertEquals(households, total(port2, token2, "/api/v1/households?size=1"), "nor of the households");
        assertEquals(accounts, Files.readString(data.resolve("demo-accounts.txt"), StandardCharsets.UTF_8),
                "no demo account issued again");
        assertFalse(log(1).contains("演示楼门栋长账号"), log(1));
        assertFalse(log(1).contains("leaders imported"), log(1));
        // the account issued at the first start is the one kept: its first password still signs in
        login(port2, DEMO_LEADER, password);
        // the reference tree is all there (read, not rewritten, at the warm start)
        assertTrue(get(port2, "/api/v1/public/streets/120112103/communities").body().contains("港湾家园社区"));
        terminate(again);

        // the database deleted, the framework cache (and the seeder's marker in it) kept: seeded before UP again
        FrameworkCache.delete(data.resolve("db"));
        int port3 = freePort();
        Process fresh = start(env, data, port3, "--demo");
        awaitHealth(fresh, port3);
        assertTrue(log(2).contains("leaders imported"), log(2));
        assertFalse(log(2).contains("[loumen-demo-check]"), log(2));
        String token3 = login(port3, "admin", ADMIN);
        assertEquals(leaders, total(port3, token3, "/api/v1/leaders?size=1"), "the demo leaders, once");
        terminate(fresh);
    }

    private long total(int port, String token, String path) throws Exception {
        return json(send(port, "GET", path, token, null), 200).get("total").asLong();
    }

    private static String firstPassword(String accounts, String phone) {
        for (String line : accounts.split("\\R")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 3 && f[1].equals(phone)) {
                return f[2];
            }
        }
        return null;
    }
}
