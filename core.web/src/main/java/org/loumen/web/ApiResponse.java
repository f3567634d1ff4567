package org.loumen.web;

import java.util.Objects;

/** A response body with a status other than 200 (e.g. 201 Created). */
public final class ApiResponse {

    private final int status;
    private final Object body;

    private ApiResponse(int status, Object body) {
        if (status < 200 || status > 299) {
            throw new IllegalArgumentException("ApiResponse is for success statuses; throw ApiException otherwise");
        }
        this.status = status;
        this.body = body;
    }

    public static ApiResponse of(int status, Object body) {
        return new ApiResponse(status, body);
    }

    public static ApiResponse created(Object body) {
        return new ApiResponse(201, Objects.requireNonNull(body));
    }

    /** 204 No Content. */
    public static ApiResponse noContent() {
        return new ApiResponse(204, null);
    }

    public int status() {
        return status;
    }

    public Object body() {
        return body;
    }
}
