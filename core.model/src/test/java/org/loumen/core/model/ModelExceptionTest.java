package org.loumen.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;
import org.loumen.core.model.ModelException.Reason;
import org.loumen.domain.Refusal;
import org.loumen.web.ApiException;

/** A model refusal is a domain refusal answered as ModelAnswers answered it (400, 404, 409, 409 stale-version). */
class ModelExceptionTest {

    private static void answers(Reason reason, int status, String code) {
        ModelException e = new ModelException(reason, "phone", "号码已被使用 / the phone number is taken");
        assertInstanceOf(Refusal.class, e);
        assertEquals(reason, e.reason());
        ApiException a = ApiException.of(e);
        assertEquals(status, a.status(), reason.name());
        assertEquals(code, a.code(), reason.name());
        assertEquals("phone", a.field());
        assertEquals("号码已被使用 / the phone number is taken", a.getMessage());
    }

    @Test
    void eachReasonKeepsItsAnswer() {
        answers(Reason.INVALID, 400, "invalid-field");
        answers(Reason.NOT_FOUND, 404, "not-found");
        answers(Reason.CONFLICT, 409, "conflict");
        answers(Reason.STALE, 409, "stale-version");
    }

    @Test
    void staleNamesTheVersion() {
        ModelException e = ModelException.stale();
        assertEquals(Reason.STALE, e.reason());
        assertEquals(Refusal.Kind.CONFLICT, e.kind());
        assertEquals("version", e.field());
        assertEquals("数据已被他人修改，请刷新后重试 / changed by someone else since you read it; reload and retry",
                e.getMessage());
    }

    @SuppressWarnings("deprecation")
    @Test
    void theOldMappingAnswersTheSame() {
        ModelException e = new ModelException(Reason.CONFLICT, "code", "已存在 / exists");
        ApiException old = org.loumen.core.model.http.ModelAnswers.toApi(e);
        assertEquals(409, old.status());
        assertEquals("conflict", old.code());
        assertEquals("code", old.field());
    }
}
