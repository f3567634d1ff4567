package org.loumen.core.identity.internal;

import org.loumen.web.ApiException;

/** The HTTP answer to a refused account operation: the one mapping of this bundle's resources. */
final class IdentityAnswers {

    private IdentityAnswers() {
    }

    /** A call into account administration whose refusal becomes its HTTP answer. */
    @FunctionalInterface
    interface AccountCall<T> {
        T call() throws AccountException;
    }

    static <T> T call(AccountCall<T> call) throws ApiException {
        try {
            return call.call();
        } catch (AccountException e) {
            throw toApi(e);
        }
    }

    /** INVALID → 400, NOT_FOUND → 404, NOT_ALLOWED → 403, CONFLICT → 409; the code and field as the domain named them. */
    static ApiException toApi(AccountException e) {
        int status = switch (e.reason()) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case NOT_ALLOWED -> 403;
            case CONFLICT -> 409;
        };
        return new ApiException(status, e.code(), e.getMessage(), e.field());
    }
}
