package org.loumen.core.workflow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.loumen.domain.Refusal;
import org.loumen.domain.Refusal.Kind;
import org.loumen.web.ApiException;

/**
 * Workflow rules refuse in the domain's terms, and the answer clients get through the one mapping is the one they
 * always got (status, code, message, field).
 */
class RefusalsTest {

    private static ApiException answer(org.junit.jupiter.api.function.Executable call) {
        return ApiException.of(assertThrows(Refusal.class, call));
    }

    @Test
    void anUnknownConsultationKindIsAnInvalidField() {
        Refusal r = assertThrows(Refusal.class, () -> ConsultationRules.kind("POLL"));
        assertEquals(Kind.INVALID, r.kind());
        ApiException a = ApiException.of(r);
        assertEquals(400, a.status());
        assertEquals("invalid-field", a.code());
        assertEquals("kind", a.field());
        assertEquals("须为 OPTIONS（选项）或 FREE（自由回答） / kind must be OPTIONS or FREE", a.getMessage());
    }

    @Test
    void aCampaignThatEndsBeforeItStartsNamesTheField() {
        LocalDate day = LocalDate.of(2026, 11, 30);
        ApiException a = answer(() -> CampaignRules.period(day, day.minusDays(1)));
        assertEquals(400, a.status());
        assertEquals("endsOn", a.field());
    }

    @Test
    void ballotCodesAreRefusedAsResidentsAlwaysSawThem() {
        assertEquals(404, ApiException.of(BallotRefusals.unknown()).status());
        assertEquals("code", ApiException.of(BallotRefusals.unknown()).field());
        ApiException used = ApiException.of(BallotRefusals.used());
        assertEquals(409, used.status());
        assertEquals("code-used", used.code());
        ApiException closed = ApiException.of(BallotRefusals.closed());
        assertEquals("evaluation-closed", closed.code());
        assertEquals(400, ApiException.of(BallotRefusals.missing()).status());

        Refusal wait = BallotRefusals.mustWait(1500);
        assertEquals(Kind.TOO_MANY, wait.kind());
        ApiException a = ApiException.of(wait);
        assertEquals(429, a.status());
        assertEquals("too-many-attempts", a.code());
        assertEquals(2, a.retryAfterSeconds());
        assertEquals(2L, a.details().get("retryAfterSeconds"));
        assertEquals("无效评议码过多，请 2 秒后再试 / too many unknown codes from this client; try again in 2 s",
                a.getMessage());
    }

    @Test
    void photosTooLargeOrOfAnotherKindKeepTheirStatuses() {
        assertAnswer(PhotoService.tooLarge(), 413, "payload-too-large", "photo");
        assertAnswer(PhotoService.unsupported(), 415, "unsupported-media-type", "photo");
        assertEquals("只接受 JPEG 或 PNG 照片 / only JPEG or PNG photos are accepted",
                PhotoService.unsupported().getMessage());
    }

    @Test
    void somethingOutOfSightIsNotFound() {
        assertAnswer(Civic.notFound(), 404, "not-found", null);
        assertEquals("未找到 / not found", Civic.notFound().getMessage());
    }

    private static void assertAnswer(Refusal refusal, int status, String code, String field) {
        ApiException a = ApiException.of(refusal);
        assertEquals(status, a.status());
        assertEquals(code, a.code());
        assertEquals(field, a.field());
    }
}
