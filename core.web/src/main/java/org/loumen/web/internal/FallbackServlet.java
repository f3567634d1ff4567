package org.loumen.web.internal;

import java.io.IOException;

import org.loumen.web.ApiException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletErrorPage;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * JSON everywhere: replaces the container's HTML error pages (paths nothing serves, bad URIs, oversized headers, ...)
 * with a JSON body. It has no path of its own: the console owns {@code /} and answers unknown paths with a 404 that
 * lands here.
 */
@HttpWhiteboardServletName("loumen-fallback")
@HttpWhiteboardServletErrorPage(errorPage = { "4xx", "5xx" })
@Component(service = Servlet.class)
public final class FallbackServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** While starting, the API servlet may not be registered yet: its paths answer 503 starting, not 404. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile StartupState startup;

    private boolean starting() {
        StartupState state = startup;
        return state == null || !state.started();
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Object status = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if ((status == null || Integer.valueOf(404).equals(status)) && starting()) {
            JsonResponses.writeError(resp, StartupState.starting());
            return;
        }
        if (status instanceof Integer code && code >= 400 && code <= 599) {
            if (code == 404) {
                JsonResponses.writeError(resp, new ApiException(404, "not-found", "未找到 / not found: "
                        + req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)));
                return;
            }
            String error = code >= 500 ? "internal-error" : "http-" + code;
            JsonResponses.writeError(resp, new ApiException(code, error,
                    (code >= 500 ? "服务器错误 / server error" : "请求无效 / request refused") + " (HTTP " + code + ")"));
            return;
        }
        JsonResponses.writeError(resp, new ApiException(404, "not-found", "未找到 / not found: " + req.getRequestURI()));
    }
}
