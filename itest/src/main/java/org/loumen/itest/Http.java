package org.loumen.itest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

import org.loumen.testkit.ProgrammeTester;
import org.osgi.framework.BundleContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small HTTP client for the platform under test, on the port Jetty actually bound. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();

    record Response(int status, String contentType, String body, java.net.http.HttpHeaders headers) {
        /** A response header, or null. */
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    /** The bearer token sent with every request; null for an anonymous client. */
    private final String token;

    Http(BundleContext context) throws InterruptedException {
        this(ProgrammeTester.endpoint(context), null);
    }

    private Http(String base, String token) {
        this.base = base;
        this.token = token;
    }

    /** The same endpoint, sending this bearer token. */
    Http as(String bearer) {
        return new Http(base, bearer);
    }

    String token() {
        return token;
    }

    String base() {
        return base;
    }

    Response get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** A spreadsheet upload: the bytes as sent, {@code Content-Type: text/csv}. */
    Response upload(String path, byte[] csv) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(csv)));
    }

    /** A raw upload (a photo) with the given Content-Type. */
    Response upload(String path, String contentType, byte[] body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A download as bytes (an image), with its headers. */
    HttpResponse<byte[]> download(String path) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return CLIENT.send(b.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A spreadsheet upload in UTF-8. */
    Response upload(String path, String csv) throws IOException, InterruptedException {
        return upload(path, csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A JSON request. */
    Response json(String method, String path, Object body) throws IOException, InterruptedException {
        return send(method, path, "application/json", body instanceof String str ? str : JSON.writeValueAsString(body));
    }

    /** A request with extra headers (name, value, name, value...). */
    Response sendWith(String method, String path, String contentType, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b);
    }

    Response send(String method, String path, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b);
    }

    private Response send(HttpRequest.Builder b) throws IOException, InterruptedException {
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = CLIENT.send(b.timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r.headers());
    }

    /** One request that a test repeats while it waits. */
    @FunctionalInterface
    interface Call {
        Response send() throws IOException, InterruptedException;
    }

    /** Repeats a request every 50 ms until its answer satisfies {@code done}; fails after {@code seconds}. */
    static Response until(Call call, Predicate<Response> done, int seconds, String what)
            throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        Response last = null;
        while (System.currentTimeMillis() < deadline) {
            last = call.send();
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(what + " not seen within " + seconds + " s; last answer: " + last);
    }

    /** Waits until health says UP: every bundle active, every component satisfied, all core routes registered. */
    Response awaitUp() throws IOException, InterruptedException {
        return until(() -> get("/api/v1/health"),
                r -> r.status() == 200 && "UP".equals(r.json().path("status").asText()), 60, "health UP");
    }

    /** Waits until a path answers with the given status (routes appear as components activate). */
    Response await(String path, int status) throws IOException, InterruptedException {
        return until(() -> get(path), r -> r.status() == status, 30, path + " answering " + status);
    }
}
