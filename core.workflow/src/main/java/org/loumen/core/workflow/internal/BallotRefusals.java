package org.loumen.core.workflow.internal;

import org.loumen.web.ApiException;

/** The answers a resident gets for a ballot code that cannot be used, the same when looking it up and voting. */
final class BallotRefusals {

    private BallotRefusals() {
    }

    /** No code at all: a mistake, not a guess, so it does not count against the client. */
    static ApiException missing() {
        return ApiException.invalidField("code", "请填写评议码 / the code is required");
    }

    static ApiException unknown() {
        return new ApiException(404, "not-found", "未找到此评议码，请核对 / no such code", "code");
    }

    static ApiException used() {
        return new ApiException(409, "code-used", "此评议码已使用，每户只能评议一次 / this code has been used; each "
                + "household evaluates once", "code");
    }

    static ApiException closed() {
        return new ApiException(409, "evaluation-closed", "本期评议已结束 / the evaluation is closed", "code");
    }

    /** Too many unknown codes from one client: it must wait (guessing codes costs time). */
    static ApiException mustWait(long waitMillis) {
        long s = (waitMillis + 999) / 1000;
        return new ApiException(429, "too-many-attempts", "无效评议码过多，请 " + s + " 秒后再试 / too many unknown "
                + "codes from this client; try again in " + s + " s").with("retryAfterSeconds", s).retryAfter(s);
    }
}
