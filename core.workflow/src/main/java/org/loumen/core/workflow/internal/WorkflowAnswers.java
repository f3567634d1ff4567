package org.loumen.core.workflow.internal;

import org.loumen.web.ApiException;

/** The HTTP answer to a refused workflow operation: the one mapping of this bundle's resources. */
final class WorkflowAnswers {

    private WorkflowAnswers() {
    }

    /** A call into a workflow service whose refusal becomes its HTTP answer. */
    @FunctionalInterface
    interface WorkflowCall<T> {
        T call() throws WorkflowException;
    }

    static <T> T call(WorkflowCall<T> call) throws ApiException {
        try {
            return call.call();
        } catch (WorkflowException e) {
            throw toApi(e);
        }
    }

    /** INVALID → 400, NOT_FOUND → 404, NOT_ALLOWED → 403, CONFLICT → 409; the code and field as the domain named them. */
    static ApiException toApi(WorkflowException e) {
        int status = switch (e.reason()) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case NOT_ALLOWED -> 403;
            case CONFLICT -> 409;
        };
        return new ApiException(status, e.code(), e.getMessage(), e.field());
    }
}
