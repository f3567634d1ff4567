package org.loumen.web.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.loumen.web.ApiException;
import org.loumen.web.ApiResponse;

import jakarta.servlet.http.HttpServletResponse;

/**
 * How the API answers: JSON bodies ({@link Json#MAPPER}), file downloads and the one error shape
 * {@code {"error","message"[,"field"]}}, never cached, never sniffed. Shared by {@link ApiDispatcher} and
 * {@link FallbackServlet}, so a container error and an API error look the same.
 */
final class JsonResponses {

    private JsonResponses() {
    }

    /** A JSON body (none for 204 or {@code null}). */
    static void write(HttpServletResponse resp, int status, Object body) throws IOException {
        resp.setStatus(status);
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        if (body == null || status == 204) {
            return;
        }
        byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
        resp.setContentType("application/json;charset=UTF-8");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }

    /** A download: the response's bytes as an attachment with its content type and file name. */
    static void writeFile(HttpServletResponse resp, ApiResponse r) throws IOException {
        byte[] bytes = (byte[]) r.body();
        resp.setStatus(r.status());
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setContentType(r.contentType());
        resp.setHeader("Content-Disposition", contentDisposition(r.filename()));
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }

    /** RFC 6266/5987: an ASCII fallback and the UTF-8 name, so Chinese file names survive. */
    static String contentDisposition(String filename) {
        String ascii = filename.replaceAll("[^A-Za-z0-9._-]", "_");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The error as JSON, with Retry-After when it says when to come back; nothing once the response is committed. */
    static void writeError(HttpServletResponse resp, ApiException e) throws IOException {
        if (!resp.isCommitted()) {
            if (e.retryAfterSeconds() > 0) {
                resp.setHeader("Retry-After", String.valueOf(e.retryAfterSeconds()));
            }
            write(resp, e.status(), errorBody(e));
        }
    }

    /** {@code error}, {@code message}, {@code field} when there is one, then the error's details. */
    static Map<String, Object> errorBody(ApiException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.code());
        body.put("message", e.getMessage());
        if (e.field() != null) {
            body.put("field", e.field());
        }
        body.putAll(e.details());
        return body;
    }
}
