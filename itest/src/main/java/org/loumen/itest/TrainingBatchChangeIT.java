package org.loumen.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectService;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Changing an onboarding batch (入职培训班) after it is made: editing while not finished, withdrawing one enrolment
 * (退训), cancelling the batch — leaders it moved go back to APPROVED with the history kept — and the repair of an
 * enrolment or withdrawal a crash left half done between the model's store and the workflow's.
 */
class TrainingBatchChangeIT extends PlatformTest {

    private static final String STREET_BATCHES = "/api/v1/streets/" + SHUANGGANG + "/training-batches";

    private static String status(Http s, long leader) throws Exception {
        return s.get("/api/v1/leaders/" + leader).json().get("status").asText();
    }

    private static List<Long> roster(Http s, long batch) throws Exception {
        List<Long> out = new ArrayList<>();
        s.get("/api/v1/training-batches/" + batch + "/roster").json().forEach(r -> out.add(r.get("leader").asLong()));
        return out;
    }

    private static List<String> moves(Http s, long leader) throws Exception {
        List<String> out = new ArrayList<>();
        s.get("/api/v1/leaders/" + leader + "/history").json().forEach(x -> out.add(x.get("from").asText() + ">"
                + x.get("to").asText()));
        return out;
    }

    private static long create(Http s, String title, LocalDate from, LocalDate to) throws Exception {
        Http.Response created = s.json("POST", STREET_BATCHES, TrainingBatchIT.batch(title, from, to));
        assertEquals(201, created.status(), created.body());
        return created.json().get("id").asLong();
    }

    @Test
    void aBatchIsEditedUntilAssessedAndALeaderWithdrawnJoinsALaterBatch() throws Exception {
        Http sg = user("sg-admin", "STREET_ADMIN", SHUANGGANG);
        long a = TrainingBatchIT.approved(sg, GANGWAN, "退训甲", "13648201001");
        long b = TrainingBatchIT.approved(sg, GANGWAN, "退训乙", "13648201002");
        LocalDate start = LocalDate.now(TrainingBatchIT.CHINA).minusDays(1);
        long batch = create(sg, "IT 修改班", start, start.plusDays(1));
        String base = "/api/v1/training-batches/" + batch;
        assertEquals("OPEN", sg.get(base).json().get("state").asText());
        assertEquals(200, sg.json("POST", base + "/enrolments", Map.of("leaders", List.of(a, b))).status());

        // edit: bad input names the field; a good edit changes what it says
        Map<String, Object> edit = new java.util.HashMap<>(TrainingBatchIT.batch("IT 修改班（改）", start,
                start.plusDays(2)));
        edit.put("place", "社区党群服务站二楼");
        edit.put("trainers", List.of("赵老师"));
        Map<String, Object> badEdit = new java.util.HashMap<>(edit);
        badEdit.put("endsOn", start.minusDays(1).toString());
        Http.Response bad = sg.json("PUT", base, badEdit);
        assertEquals(400, bad.status(), bad.body());
        assertEquals("endsOn", bad.json().get("field").asText());
        badEdit = new java.util.HashMap<>(edit);
        badEdit.put("curriculum", List.of());
        assertEquals("curriculum", sg.json("PUT", base, badEdit).json().get("field").asText());
        Http.Response edited = sg.json("PUT", base, edit);
        assertEquals(200, edited.status(), edited.body());
        assertEquals("社区党群服务站二楼", edited.json().get("place").asText());
        assertEquals("IT 修改班（改）", edited.json().get("title").asText());
        assertEquals(3, edited.json().get("days").size());
        assertEquals(List.of("赵老师"), List.of(edited.json().get("trainers").get(0).asText()));
        assertEquals(404, sg.json("PUT", "/api/v1/training-batches/987654321", edit).status());
        Http sx = user("a20-sx-admin", "STREET_ADMIN", SHUANGXIN);
        assertEquals(404, sx.json("PUT", base, edit).status(), "another street's batch is not found for its admin");
        assertEquals(404, sx.json("POST", base + "/withdrawals", Map.of("leader", a, "reason", "x")).status());

        // attendance on the third day: new dates must keep it
        assertEquals(200, sg.json("PUT", base + "/attendance/" + start.plusDays(2), Map.of("present", List.of(a, b)))
                .status());
        Map<String, Object> shorter = new java.util.HashMap<>(edit);
        shorter.put("endsOn", start.plusDays(1).toString());
        Http.Response outside = sg.json("PUT", base, shorter);
        assertEquals(409, outside.status(), outside.body());
        assertEquals("attendance-outside", outside.json().get("error").asText());
        assertEquals("startsOn", outside.json().get("field").asText());

        // withdrawal: a reason is needed; the leader goes back to APPROVED, the history keeps both moves
        assertEquals("reason", sg.json("POST", base + "/withdrawals", Map.of("leader", a)).json().get("field")
                .asText());
        assertEquals("leader", sg.json("POST", base + "/withdrawals", Map.of("reason", "x")).json().get("field")
                .asText());
        Http.Response w = sg.json("POST", base + "/withdrawals", Map.of("leader", a, "reason", "工作调动"));
        assertEquals(200, w.status(), w.body());
        assertEquals(1, w.json().get("enrolled").asInt());
        assertEquals(1, w.json().get("withdrawn").asInt());
        assertEquals("APPROVED", status(sg, a));
        assertEquals(List.of(b), roster(sg, batch));
        List<String> history = moves(sg, a);
        assertTrue(history.containsAll(List.of("APPROVED>IN_TRAINING", "IN_TRAINING>APPROVED")), history.toString());
        JsonNode record = sg.get("/api/v1/leaders/" + a + "/training").json().get("onboarding");
        assertEquals(1, record.size());
        assertTrue(record.get(0).get("withdrawnReason").asText().contains("工作调动"), record.toString());
        Http.Response twice = sg.json("POST", base + "/withdrawals", Map.of("leader", a, "reason", "工作调动"));
        assertEquals(400, twice.status());
        assertEquals("leader", twice.json().get("field").asText());

        // once assessed, the batch is finished: no edit, no cancellation, no withdrawal of the assessed
        assertEquals(200, sg.json("POST", base + "/assessments", Map.of("leader", b, "result", "PASSED")).status());
        Http.Response late = sg.json("PUT", base, edit);
        assertEquals(409, late.status());
        assertEquals("batch-finished", late.json().get("error").asText());
        assertEquals("batch-finished", sg.json("POST", base + "/cancellation", Map.of("reason", "x")).json()
                .get("error").asText());
        assertEquals("already-assessed", sg.json("POST", base + "/withdrawals", Map.of("leader", b, "reason", "x"))
                .json().get("error").asText());
        assertEquals("ASSESSING", sg.get(base).json().get("state").asText());

        // the withdrawn leader joins a later batch
        long later = create(sg, "IT 修改班二期", start.plusDays(5), start.plusDays(6));
        Http.Response rejoin = sg.json("POST", "/api/v1/training-batches/" + later + "/enrolments", Map.of("leaders",
                List.of(a)));
        assertEquals(200, rejoin.status(), rejoin.body());
        assertEquals("IN_TRAINING", status(sg, a));
        assertEquals(2, sg.get("/api/v1/leaders/" + a + "/training").json().get("onboarding").size());
    }

    @Test
    void cancellingABatchReturnsItsLeadersToApprovedAndKeepsIt() throws Exception {
        Http sg = user("sg-admin", "STREET_ADMIN", SHUANGGANG);
        long a = TrainingBatchIT.approved(sg, GANGWAN, "取消甲", "13648202001");
        long b = TrainingBatchIT.approved(sg, GANGWAN, "取消乙", "13648202002");
        LocalDate start = LocalDate.now(TrainingBatchIT.CHINA).plusDays(3);
        long batch = create(sg, "IT 取消班", start, start);
        String base = "/api/v1/training-batches/" + batch;
        assertEquals(200, sg.json("POST", base + "/enrolments", Map.of("leaders", List.of(a, b))).status());

        assertEquals("reason", sg.json("POST", base + "/cancellation", Map.of()).json().get("field").asText());
        assertEquals("reason", sg.json("POST", base + "/cancellation", Map.of("reason", "长".repeat(301))).json()
                .get("field").asText());
        Http.Response cancelled = sg.json("POST", base + "/cancellation", Map.of("reason", "场地不可用"));
        assertEquals(200, cancelled.status(), cancelled.body());
        assertEquals("CANCELLED", cancelled.json().get("state").asText());
        assertEquals("场地不可用", cancelled.json().get("cancelReason").asText());
        assertEquals(0, cancelled.json().get("enrolled").asInt());
        assertEquals(2, cancelled.json().get("withdrawn").asInt());
        assertEquals("APPROVED", status(sg, a));
        assertEquals("APPROVED", status(sg, b));
        assertTrue(moves(sg, b).contains("IN_TRAINING>APPROVED"));

        // kept, listed, and no longer changes
        List<Long> listed = new ArrayList<>();
        sg.get("/api/v1/training-batches?street=" + SHUANGGANG).json().forEach(x -> listed.add(x.get("id").asLong()));
        assertTrue(listed.contains(batch));
        for (Http.Response r : List.of(sg.json("PUT", base, TrainingBatchIT.batch("x", start, start)),
                sg.json("POST", base + "/cancellation", Map.of("reason", "again")),
                sg.json("POST", base + "/enrolments", Map.of("leaders", List.of(a))),
                sg.json("PUT", base + "/attendance/" + start, Map.of("present", List.of())))) {
            assertEquals(409, r.status(), r.body());
            assertEquals("batch-cancelled", r.json().get("error").asText());
        }
        assertEquals(404, sg.json("POST", "/api/v1/training-batches/987654321/cancellation", Map.of("reason",
                "x")).status());
    }

    /** A hook that stands for the process dying at that point: nothing after it runs, no undo either. */
    private ServiceRegistration<Runnable> crashAt(String point) {
        return context.registerService(Runnable.class, () -> {
            throw new Crash();
        }, new Hashtable<>(Map.of("loumen.test.hook", point)));
    }

    static final class Crash extends Error {
        private static final long serialVersionUID = 1L;

        Crash() {
            super("simulated crash (test hook)");
        }
    }

    @Test
    void anEnrolmentOrWithdrawalLeftHalfDoneByACrashIsRepaired(@InjectService ConfigurationAdmin configAdmin)
            throws Exception {
        Http sg = user("sg-admin", "STREET_ADMIN", SHUANGGANG);
        long a = TrainingBatchIT.approved(sg, GANGWAN, "崩溃甲", "13648203001");
        long b = TrainingBatchIT.approved(sg, GANGWAN, "崩溃乙", "13648203002");
        LocalDate start = LocalDate.now(TrainingBatchIT.CHINA).plusDays(10);
        long batch = create(sg, "IT 崩溃班", start, start);
        String base = "/api/v1/training-batches/" + batch;
        Configuration repair = configAdmin.getConfiguration("org.loumen.training.repair", "?");
        try {
            // the crash comes after a's status move, before the enrolment is complete
            ServiceRegistration<Runnable> hook = crashAt("training.afterMove");
            try {
                Http.Response crashed = sg.json("POST", base + "/enrolments", Map.of("leaders", List.of(a, b)));
                assertNotEquals(200, crashed.status(), crashed.body());
            } finally {
                hook.unregister();
            }
            assertEquals("IN_TRAINING", status(sg, a), "the half-done case: moved, enrolment not complete");
            assertEquals("APPROVED", status(sg, b));
            assertTrue(roster(sg, batch).isEmpty(), "an enrolment not complete is not on the roster");
            assertEquals(409, sg.json("POST", base + "/enrolments", Map.of("leaders", List.of(a))).status(),
                    "the intent still holds the leader until repaired");

            // start-up repair (run again on a configuration change, here with no grace): a goes back, intent gone
            repair.update(new Hashtable<>(Map.of("graceSeconds", 0)));
            Http.until(() -> sg.get("/api/v1/leaders/" + a), r -> r.json().get("status").asText().equals("APPROVED"),
                    20, "the repair puts the leader back to APPROVED");
            assertTrue(moves(sg, a).contains("IN_TRAINING>APPROVED"), moves(sg, a).toString());
            Http.Response again = sg.json("POST", base + "/enrolments", Map.of("leaders", List.of(a, b)));
            assertEquals(200, again.status(), again.body());
            assertEquals(List.of(a, b), roster(sg, batch).stream().sorted().toList());
            assertEquals("IN_TRAINING", status(sg, a));

            // a withdrawal that crashed after it was written, before the move back: completed by the repair
            repair.update(new Hashtable<>(Map.of("graceSeconds", 3600)));
            hook = crashAt("training.afterWithdrawMark");
            try {
                Http.Response crashed = sg.json("POST", base + "/withdrawals", Map.of("leader", b, "reason", "搬家"));
                assertNotEquals(200, crashed.status(), crashed.body());
            } finally {
                hook.unregister();
            }
            assertEquals("IN_TRAINING", status(sg, b), "the half-done case: withdrawn, still in training");
            assertFalse(roster(sg, batch).contains(b));
            repair.update(new Hashtable<>(Map.of("graceSeconds", 0)));
            Http.until(() -> sg.get("/api/v1/leaders/" + b), r -> r.json().get("status").asText().equals("APPROVED"),
                    20, "the repair completes the withdrawal");
            assertEquals("IN_TRAINING", status(sg, a), "the repair leaves complete enrolments alone");
            assertEquals(List.of(a), roster(sg, batch));
        } finally {
            repair.delete();
        }
    }
}
