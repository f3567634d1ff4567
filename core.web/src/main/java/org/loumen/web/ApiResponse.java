package org.loumen.web;

import java.util.Objects;

/** A response body with a status other than 200 (e.g. 201 Created). */
public final class ApiResponse {

    private final int status;
    private final Object body;
    private final String contentType;
    private final String filename;

    private ApiResponse(int status, Object body, String contentType, String filename) {
        if (status < 200 || status > 299) {
            throw new IllegalArgumentException("ApiResponse is for success statuses; throw ApiException otherwise");
        }
        this.status = status;
        this.body = body;
        this.contentType = contentType;
        this.filename = filename;
    }

    private ApiResponse(int status, Object body) {
        this(status, body, null, null);
    }

    /**
     * A download (e.g. a CSV export), sent as is with {@code Content-Disposition: attachment}.
     *
     * @param contentType e.g. {@code text/csv;charset=UTF-8}
     * @param filename    the file name offered to the browser (may hold Chinese characters)
     */
    public static ApiResponse file(String contentType, String filename, byte[] content) {
        return new ApiResponse(200, Objects.requireNonNull(content), Objects.requireNonNull(contentType),
                Objects.requireNonNull(filename));
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

    /** The content type of a {@link #file} response; {@code null} for JSON. */
    public String contentType() {
        return contentType;
    }

    /** The file name of a {@link #file} response; {@code null} for JSON. */
    public String filename() {
        return filename;
    }
}
