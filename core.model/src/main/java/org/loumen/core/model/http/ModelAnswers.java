package org.loumen.core.model.http;

import org.loumen.core.model.ModelException;
import org.loumen.web.ApiException;

/**
 * The HTTP answer to a refused model operation.
 *
 * @deprecated since 1.1: a {@link ModelException} is a domain {@link org.loumen.domain.Refusal}, which a handler
 *             may let through and the dispatcher answers ({@link ApiException#of}); this class only delegates to that
 *             mapping for programmes built against 1.0.
 */
@Deprecated
public final class ModelAnswers {

    private ModelAnswers() {
    }

    /** A call into the model whose refusal becomes its HTTP answer. */
    @FunctionalInterface
    public interface ModelCall<T> {
        T call() throws ModelException;
    }

    /** Runs the call; a refusal leaves as {@link #toApi}. */
    public static <T> T call(ModelCall<T> call) throws ApiException {
        try {
            return call.call();
        } catch (ModelException e) {
            throw toApi(e);
        }
    }

    /** INVALID → 400 invalid-field, NOT_FOUND → 404 not-found, CONFLICT → 409 conflict, STALE → 409 stale-version. */
    public static ApiException toApi(ModelException e) {
        return ApiException.of(e);
    }
}
