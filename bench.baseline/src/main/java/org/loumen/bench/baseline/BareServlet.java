package org.loumen.bench.baseline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The benchmark's baseline: the cheapest answer the platform's Jetty can give through the servlet whiteboard (and its
 * filters), so every route's figure can be read as a share of it, measured in the same JVM and the same run.
 */
@HttpWhiteboardServletName("loumen-bench-bare")
@HttpWhiteboardServletPattern("/bench/bare")
@Component(service = Servlet.class)
public final class BareServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final byte[] UP = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("application/json;charset=utf-8");
        resp.setContentLength(UP.length);
        resp.getOutputStream().write(UP);
    }
}
