package org.loumen.core.console.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The staff console (管理后台): {@code /} answers the page shell (and, being the default servlet, a 404 for any other
 * path nothing serves, rendered as JSON by the error page), {@code /assets/<version>/...} the scripts, styles
 * and libraries, {@code /api-docs} the API browser. Asset URLs carry the bundle's version (with its build stamp), so browsers may keep them for a year and an upgraded
 * console is fetched afresh; the shell itself is revalidated on every load. The pages hold no data: everything they
 * show comes from {@code /api/v1} with the user's token.
 */
@HttpWhiteboardServletName("loumen-console")
@HttpWhiteboardServletPattern({ "/", "/index.html", "/assets/*" })
@Component(service = Servlet.class)
public final class ConsoleServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String ASSETS = "/assets/";
    static final String API_DOCS = "/api-docs";

    private final transient StaticAssets assets;
    private final String version;
    /** The page shell with its asset URLs filled in, made (and compressed) once. */
    private final transient StaticAssets.Asset shell;
    /** The API browser's page (Swagger UI over {@code /api/v1/openapi.json}). */
    private final transient StaticAssets.Asset apiDocs;

    @Activate
    public ConsoleServlet(BundleContext context) {
        Bundle bundle = context.getBundle();
        this.assets = new StaticAssets(path -> bundle.getEntry("static/" + path));
        this.version = version(bundle);
        this.shell = shell(assets, "index.html", version);
        this.apiDocs = shell(assets, "api-docs.html", version);
    }

    /** The bundle's version as it appears in asset URLs ({@code /assets/<version>/...}). */
    static String version(Bundle bundle) {
        return bundle.getVersion().toString().replace('.', '-');
    }

    /** A page shell with its asset URLs filled in, made (and compressed) once. */
    static StaticAssets.Asset shell(StaticAssets assets, String file, String version) {
        byte[] page = assets.find(file).map(a -> new String(a.bytes(), StandardCharsets.UTF_8))
                .orElseThrow(() -> new IllegalStateException("static/" + file + " missing"))
                .replace("{{assets}}", ASSETS + version).getBytes(StandardCharsets.UTF_8);
        return new StaticAssets.Asset(page, StaticAssets.gzip(page), StaticAssets.TYPES.get("html"),
                StaticAssets.etag(page));
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getServletPath() + Optional.ofNullable(req.getPathInfo()).orElse("");
        if (path.isEmpty() || path.equals("/") || path.equals("/index.html")) {
            resp.setHeader("Cache-Control", "no-cache");
            send(req, resp, shell);
            return;
        }
        if (path.equals(API_DOCS)) {
            resp.setHeader("Cache-Control", "no-cache");
            send(req, resp, apiDocs);
            return;
        }
        // "/" is the default servlet's pattern: every path nothing else serves comes here and gets the JSON 404
        Optional<StaticAssets.Asset> asset = Optional.empty();
        boolean current = false;
        if (path.startsWith(ASSETS)) {
            // /assets/<version>/<file>: an old version still answers (a page open during an upgrade), uncached
            String rest = path.substring(ASSETS.length());
            int slash = rest.indexOf('/');
            if (slash > 0) {
                asset = assets.find(rest.substring(slash + 1));
                current = rest.substring(0, slash).equals(version);
            }
        }
        if (asset.isEmpty()) {
            resp.sendError(404);
            return;
        }
        resp.setHeader("Cache-Control", current ? "public, max-age=31536000, immutable" : "no-cache");
        send(req, resp, asset.get());
    }

    static void send(HttpServletRequest req, HttpServletResponse resp, StaticAssets.Asset a) throws IOException {
        resp.setHeader("ETag", a.etag());
        resp.setHeader("Vary", "Accept-Encoding");
        if (a.etag().equals(req.getHeader("If-None-Match"))) {
            resp.setStatus(304);
            return;
        }
        resp.setContentType(a.type());
        String accept = Optional.ofNullable(req.getHeader("Accept-Encoding")).orElse("");
        byte[] body = a.bytes();
        if (a.gzip() != null && accept.contains("gzip")) {
            resp.setHeader("Content-Encoding", "gzip");
            body = a.gzip();
        }
        resp.setContentLength(body.length);
        if (!"HEAD".equals(req.getMethod())) {
            resp.getOutputStream().write(body);
        }
    }
}
