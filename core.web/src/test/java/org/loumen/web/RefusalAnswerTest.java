package org.loumen.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.loumen.domain.Refusal;
import org.loumen.domain.Refusal.Kind;

/** The one mapping of a domain refusal to its HTTP answer ({@link ApiException#of}). */
class RefusalAnswerTest {

    @Test
    void everyKindHasItsStatus() {
        Map<Kind, Integer> expected = new EnumMap<>(Kind.class);
        expected.put(Kind.INVALID, 400);
        expected.put(Kind.UNAUTHENTICATED, 401);
        expected.put(Kind.FORBIDDEN, 403);
        expected.put(Kind.NOT_FOUND, 404);
        expected.put(Kind.CONFLICT, 409);
        expected.put(Kind.TOO_LARGE, 413);
        expected.put(Kind.UNSUPPORTED_TYPE, 415);
        expected.put(Kind.LOCKED, 423);
        expected.put(Kind.TOO_MANY, 429);
        assertEquals(Kind.values().length, expected.size(), "a new kind needs its status here");
        expected.forEach((kind, status) -> assertEquals(status,
                ApiException.of(new Refusal(kind, "some-code", "原因 / reason")).status(), kind.name()));
    }

    @Test
    void codeMessageFieldAndDetailsAreKeptAsTheDomainGaveThem() {
        Refusal refusal = new Refusal(Kind.CONFLICT, "illegal-transition", "不能从在岗变为已审核 / a leader who is "
                + "IN_SERVICE cannot become APPROVED", "status").with("from", "IN_SERVICE")
                .with("allowed", List.of("RESIGNED"));
        ApiException answer = ApiException.of(refusal);
        assertEquals(409, answer.status());
        assertEquals("illegal-transition", answer.code());
        assertEquals(refusal.getMessage(), answer.getMessage());
        assertEquals("status", answer.field());
        assertEquals(Map.of("from", "IN_SERVICE", "allowed", List.of("RESIGNED")), answer.details());
        assertEquals(List.of("from", "allowed"), List.copyOf(answer.details().keySet()), "in the order added");
        assertEquals(0, answer.retryAfterSeconds());
    }

    @Test
    void theTimeToWaitIsPassedOn() {
        ApiException answer = ApiException.of(new Refusal(Kind.TOO_MANY, "too-many-attempts", "请 30 秒后再试 / try "
                + "again in 30 s").with("retryAfterSeconds", 30L).retryAfter(30));
        assertEquals(429, answer.status());
        assertEquals(30, answer.retryAfterSeconds());
        assertEquals(30L, answer.details().get("retryAfterSeconds"));
        assertNull(answer.field());
    }

    @Test
    void theFactoriesSayWhatTheWebLayersDid() {
        assertSame(ApiException.invalidField("phone", "须为 11 位 / 11 digits"),
                ApiException.of(Refusal.invalidField("phone", "须为 11 位 / 11 digits")));
        assertSame(ApiException.notFound("街道", "street", "120112999"),
                ApiException.of(Refusal.notFound("街道", "street", "120112999")));
        assertSame(ApiException.conflict("code-used", "已使用 / used"),
                ApiException.of(Refusal.conflict("code-used", "已使用 / used")));
        ApiException stale = ApiException.of(Refusal.stale());
        assertEquals(409, stale.status());
        assertEquals("stale-version", stale.code());
        assertEquals("version", stale.field());
        assertEquals("数据已被他人修改，请刷新后重试 / changed by someone else since you read it; reload and retry",
                stale.getMessage());
    }

    @Test
    void theMembersOfTheAnswerAreNotOverwrittenByDetails() {
        Refusal refusal = Refusal.conflict("x", "x / x");
        assertThrows(IllegalArgumentException.class, () -> refusal.with("error", "y"));
        assertThrows(IllegalArgumentException.class, () -> refusal.with("field", "y"));
        assertThrows(IllegalArgumentException.class, () -> new Refusal(null, "x", "x / x"));
    }

    private static void assertSame(ApiException expected, ApiException actual) {
        assertEquals(expected.status(), actual.status());
        assertEquals(expected.code(), actual.code());
        assertEquals(expected.getMessage(), actual.getMessage());
        assertEquals(expected.field(), actual.field());
        assertEquals(expected.details(), actual.details());
    }
}
