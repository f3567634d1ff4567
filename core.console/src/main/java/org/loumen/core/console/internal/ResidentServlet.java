package org.loumen.core.console.internal;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

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
 * The resident pages (居民), reached without an account from the QR codes on unit doors and ballot sheets: the unit
 * page {@code /u/<unit code>}, the evaluation {@code /v} (the ballot code comes in the fragment, {@code /v#CODE}, so it
 * never reaches a server log) and the leader directory {@code /d}. They answer a light shell of their own that loads
 * only the resident modules, never the staff console; the assets are the console's ({@code /assets/<version>/...}).
 */
@HttpWhiteboardServletName("loumen-resident")
@HttpWhiteboardServletPattern({ "/u/*", "/v", "/d" })
@Component(service = Servlet.class)
public final class ResidentServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** What may follow /u/: a code-like word (the page itself says when it names no unit). */
    static final Pattern UNIT = Pattern.compile("[A-Za-z0-9]{1,40}");

    private final transient StaticAssets.Asset shell;

    @Activate
    public ResidentServlet(BundleContext context) {
        Bundle bundle = context.getBundle();
        StaticAssets assets = new StaticAssets(path -> bundle.getEntry("static/" + path));
        this.shell = ConsoleServlet.shell(assets, "resident.html", ConsoleServlet.version(bundle));
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getServletPath() + Optional.ofNullable(req.getPathInfo()).orElse("");
        boolean known = path.equals("/v") || path.equals("/d")
                || (path.startsWith("/u/") && UNIT.matcher(path.substring(3)).matches());
        if (!known) {
            resp.sendError(404);
            return;
        }
        resp.setHeader("Cache-Control", "no-cache");
        ConsoleServlet.send(req, resp, shell);
    }
}
