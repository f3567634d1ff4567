package org.loumen.core.workflow.internal;

import org.loumen.domain.Refusal;

/** The answers a resident gets for a ballot code that cannot be used, the same when looking it up and voting. */
final class BallotRefusals {

    private BallotRefusals() {
    }

    /** No code at all: a mistake, not a guess, so it does not count against the client. */
    static Refusal missing() {
        return Refusal.invalidField("code", "请填写评议码 / the code is required");
    }

    static Refusal unknown() {
        return new Refusal(Refusal.Kind.NOT_FOUND, "not-found", "未找到此评议码，请核对 / no such code", "code");
    }

    static Refusal used() {
        return new Refusal(Refusal.Kind.CONFLICT, "code-used", "此评议码已使用，每户只能评议一次 / this code has been used; each "
                + "household evaluates once", "code");
    }

    static Refusal closed() {
        return new Refusal(Refusal.Kind.CONFLICT, "evaluation-closed", "本期评议已结束 / the evaluation is closed", "code");
    }

    /** Too many unknown codes from one client: it must wait (guessing codes costs time). */
    static Refusal mustWait(long waitMillis) {
        long s = (waitMillis + 999) / 1000;
        return new Refusal(Refusal.Kind.TOO_MANY, "too-many-attempts", "无效评议码过多，请 " + s + " 秒后再试 / too many unknown "
                + "codes from this client; try again in " + s + " s").with("retryAfterSeconds", s).retryAfter(s);
    }
}
