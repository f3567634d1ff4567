package org.loumen.web.internal;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.felix.http.jetty.ConnectorFactory;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON for the errors Jetty answers itself, before any servlet runs: malformed or ambiguous URIs ({@code %00},
 * {@code %2F}, {@code ..}), oversized headers, and paths asked for in the instant between the port opening and the
 * API servlet registering. Jetty's default answers those with an HTML page without {@code nosniff}.
 *
 * <p>Felix HTTP hands its Jetty {@link Server} to {@link ConnectorFactory} services; this one installs the JSON error
 * handler on the server and adds an in-memory {@link LocalConnector} (no socket, no port), since the factory must
 * return a connector.
 */
@Component(service = ConnectorFactory.class)
public final class JettyJsonErrors implements ConnectorFactory {

    private static final Logger LOG = LoggerFactory.getLogger(JettyJsonErrors.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile StartupState startup;

    @Override
    public Connector createConnector(Server server) {
        server.setErrorHandler(new JsonErrorHandler());
        LOG.debug("JSON error handler installed on Jetty");
        return new LocalConnector(server);
    }

    /** Writes {@code {"error","message"}} for every error Jetty produces outside the servlets. */
    final class JsonErrorHandler extends ErrorHandler {

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            int status = response.getStatus();
            String path = request.getHttpURI() == null ? "" : String.valueOf(request.getHttpURI().getPath());
            StartupState state = startup;
            Map<String, Object> body = new LinkedHashMap<>();
            if (status == 404 && (state == null || !state.started())) {
                // the port is open, the API servlet not yet registered
                status = 503;
                response.setStatus(503);
                response.getHeaders().put(HttpHeader.RETRY_AFTER, "2");
                body.put("error", "starting");
                body.put("message", "平台正在启动，请稍后再试 / the platform is starting; try again shortly");
            } else {
                body.put("error", status >= 500 ? "internal-error" : status == 404 ? "not-found"
                        : status == 400 ? "bad-request" : "http-" + status);
                body.put("message", (status >= 500 ? "服务器错误 / server error" : status == 400
                        ? "请求无效（路径或请求头格式错误） / bad request (malformed path or headers)"
                        : "请求无效 / request refused") + " (HTTP " + status + ")");
            }
            byte[] bytes;
            try {
                bytes = Json.MAPPER.writeValueAsBytes(body);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                bytes = ("{\"error\":\"http-" + status + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=UTF-8");
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            response.getHeaders().put("X-Content-Type-Options", "nosniff");
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
            response.write(true, ByteBuffer.wrap(bytes), callback);
            return true;
        }
    }
}
