package org.loumen.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The backup drills' writer: a thread that keeps creating communities of a street through the API (codes street+600,
 * +601, …, at most 399) and notes when each write was acknowledged (201), so that a drill can tell which writes came
 * before its backup began and check that each of those is in the restored copy. It stops at the first failure and
 * reports it.
 */
final class CommunityWriter {

    /** One write the writer saw acknowledged (201), with when ({@link System#nanoTime()}). */
    record Ack(String code, long at) {
    }

    private final ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicReference<String> problem = new AtomicReference<>();
    private final Thread thread;

    private CommunityWriter(E2EBase e2e, int port, String token, String street, String namePrefix) {
        thread = new Thread(() -> {
            for (int i = 0; i < 399 && !stop.get(); i++) {
                String code = street + String.format("%03d", 600 + i);
                try {
                    HttpResponse<String> r = e2e.send(port, "POST", "/api/v1/streets/" + street + "/communities",
                            token, "{\"code\":\"" + code + "\",\"name\":\"" + namePrefix + i + "\"}");
                    if (r.statusCode() != 201) {
                        problem.compareAndSet(null, code + ": " + r.statusCode() + " " + r.body());
                        return;
                    }
                    acks.add(new Ack(code, System.nanoTime()));
                } catch (IOException | InterruptedException e) {
                    problem.compareAndSet(null, code + ": " + e);
                    return;
                }
            }
        }, "backup-drill-writer");
    }

    /** Starts writing communities named {@code namePrefix + n} into the street, and waits for the first 15 acks. */
    static CommunityWriter start(E2EBase e2e, int port, String token, String street, String namePrefix)
            throws Exception {
        CommunityWriter w = new CommunityWriter(e2e, port, token, street, namePrefix);
        w.thread.start();
        E2EBase.until(w.acks::size, n -> n >= 15, Duration.ofSeconds(60), "15 acknowledged writes");
        return w;
    }

    /** How many writes were acknowledged before that moment ({@link System#nanoTime()}). */
    int acknowledgedBefore(long moment) {
        return (int) acks.stream().filter(a -> a.at() < moment).count();
    }

    int acknowledged() {
        return acks.size();
    }

    /**
     * Waits for five more writes after the {@code before} first (writes go on past the backup), stops the writer and
     * asserts that none of its writes failed.
     */
    void goesOnThenStops(int before, String during) throws Exception {
        E2EBase.until(acks::size, n -> n >= before + 5 || !thread.isAlive(), Duration.ofSeconds(60),
                "writes go on after the " + during);
        stop.set(true);
        thread.join(30_000);
        assertEquals(null, problem.get(), "every write of the writer succeeded during the " + during);
    }

    /**
     * Asserts what a restored copy must show, on the platform at this port: every write acknowledged before the copy
     * began ({@code moment}) is there, and the audit chain is intact and longer than those writes.
     */
    void assertRestoredOn(E2EBase e2e, int port, String token, long moment, String copy) throws Exception {
        assertEquals(List.of(), lostOn(e2e, port, token, moment), "every write acknowledged before the " + copy
                + " began is in it");
        JsonNode verify = E2EBase.json(e2e.send(port, "GET", "/api/v1/audit/verify", token, null), 200);
        assertTrue(verify.get("intact").asBoolean(), verify.toString());
        assertTrue(verify.get("checked").asLong() > acknowledgedBefore(moment), verify.toString());
    }

    /** The codes acknowledged before that moment that the platform at this port does not find. */
    private List<String> lostOn(E2EBase e2e, int port, String token, long moment) throws Exception {
        List<String> lost = new ArrayList<>();
        for (Ack a : acks) {
            if (a.at() < moment && e2e.send(port, "GET", "/api/v1/communities/" + a.code(), token, null)
                    .statusCode() != 200) {
                lost.add(a.code());
            }
        }
        return lost;
    }
}
