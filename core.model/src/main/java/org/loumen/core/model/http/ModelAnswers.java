package org.loumen.core.model.http;

import org.loumen.core.model.ModelException;
import org.loumen.web.ApiException;

/**
 * The HTTP answer to a refused model operation, in one place for every bundle's resources: the model speaks the
 * domain ({@link ModelException.Reason}), this maps it.
 */
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
        return switch (e.reason()) {
            case INVALID -> ApiException.invalidField(e.field(), e.getMessage());
            case NOT_FOUND -> new ApiException(404, "not-found", e.getMessage(), e.field());
            case CONFLICT -> new ApiException(409, "conflict", e.getMessage(), e.field());
            case STALE -> new ApiException(409, "stale-version", e.getMessage(), e.field());
        };
    }
}
