package org.loumen.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.loumen.domain.Refusal;
import org.loumen.web.ApiException;
import org.loumen.web.ApiResponse;

class JsonResponsesTest {

    @Test
    void anErrorIsTheOneJsonShapeWithItsFieldAndDetails() throws Exception {
        ServletFakes.Response r = new ServletFakes.Response();
        JsonResponses.writeError(r.servlet(),
                new ApiException(409, "conflict", "已存在 / exists", "phone").with("leader", 7));
        assertEquals(409, r.status);
        assertEquals("application/json;charset=UTF-8", r.contentType);
        assertEquals("no-store", r.headers.get("Cache-Control"));
        assertEquals("nosniff", r.headers.get("X-Content-Type-Options"));
        assertEquals("{\"error\":\"conflict\",\"message\":\"已存在 / exists\",\"field\":\"phone\",\"leader\":7}",
                r.text());
        assertEquals(r.body.size(), r.contentLength);
        assertFalse(r.headers.containsKey("Retry-After"));
    }

    @Test
    void anErrorWithoutFieldLeavesItOutAndSaysWhenToComeBack() throws Exception {
        ServletFakes.Response r = new ServletFakes.Response();
        JsonResponses.writeError(r.servlet(), new ApiException(503, "starting", "启动中 / starting").retryAfter(5));
        assertEquals(503, r.status);
        assertEquals("5", r.headers.get("Retry-After"));
        assertEquals("{\"error\":\"starting\",\"message\":\"启动中 / starting\"}", r.text());
    }

    @Test
    void aDomainRefusalIsAnsweredInTheSameShape() throws Exception {
        ServletFakes.Response r = new ServletFakes.Response();
        JsonResponses.writeError(r.servlet(), ApiException.of(new Refusal(Refusal.Kind.TOO_MANY, "too-many-attempts",
                "请 3 秒后再试 / try again in 3 s").with("retryAfterSeconds", 3L).retryAfter(3)));
        assertEquals(429, r.status);
        assertEquals("3", r.headers.get("Retry-After"));
        assertEquals("{\"error\":\"too-many-attempts\",\"message\":\"请 3 秒后再试 / try again in 3 s\","
                + "\"retryAfterSeconds\":3}", r.text());

        r = new ServletFakes.Response();
        JsonResponses.writeError(r.servlet(), ApiException.of(Refusal.invalidField("phone", "须为 11 位 / 11 digits")));
        assertEquals(400, r.status);
        assertEquals("{\"error\":\"invalid-field\",\"message\":\"须为 11 位 / 11 digits\",\"field\":\"phone\"}",
                r.text());
    }

    @Test
    void nothingIsWrittenOnceTheResponseIsCommitted() throws Exception {
        ServletFakes.Response r = new ServletFakes.Response();
        r.committed = true;
        JsonResponses.writeError(r.servlet(), new ApiException(500, "internal-error", "x"));
        assertEquals(0, r.status);
        assertEquals(0, r.body.size());
    }

    @Test
    void noContentHasNoBody() throws Exception {
        ServletFakes.Response r = new ServletFakes.Response();
        JsonResponses.write(r.servlet(), 204, Map.of("ignored", true));
        assertEquals(204, r.status);
        assertEquals(0, r.body.size());
        assertEquals(null, r.contentType);
    }

    @Test
    void aDownloadKeepsAChineseFileNameBesideAnAsciiFallback() throws Exception {
        ServletFakes.Response r = new ServletFakes.Response();
        byte[] csv = "a,b\n".getBytes(StandardCharsets.UTF_8);
        JsonResponses.writeFile(r.servlet(), ApiResponse.file("text/csv;charset=UTF-8", "楼门栋长 2026.csv", csv));
        assertEquals(200, r.status);
        assertEquals("text/csv;charset=UTF-8", r.contentType);
        assertEquals("a,b\n", r.text());
        String disposition = r.headers.get("Content-Disposition");
        assertEquals("attachment; filename=\"_____2026.csv\"; filename*=UTF-8''"
                + "%E6%A5%BC%E9%97%A8%E6%A0%8B%E9%95%BF%202026.csv", disposition);
        assertTrue(r.headers.containsKey("X-Content-Type-Options"));
    }
}
