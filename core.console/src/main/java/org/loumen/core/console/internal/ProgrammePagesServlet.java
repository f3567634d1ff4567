package org.loumen.core.console.internal;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.loumen.programme.Programme;
import org.loumen.programme.ProgrammeDefinition;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A programme's own console pages, read from its bundle: {@code /programme-pages/<id>/<version>/<file>} answers the
 * file under the folder its {@link ProgrammeDefinition#consoleResources()} names. The pages follow the programme
 * service: a deployed jar serves at once, an upgraded one serves its new files, a removed one answers 404 — no restart.
 * Files are revalidated on every load (ETag), since a redeploy may keep the version; the version in the path keeps
 * a page's relative imports together. {@code /resident-pages/<id>/<version>/<file>} answers the same way from the
 * folder {@code residentResources} names: the programme's parts of the resident pages (unit page, door poster).
 */
@HttpWhiteboardServletName("loumen-programme-pages")
@HttpWhiteboardServletPattern({ "/programme-pages/*", "/resident-pages/*" })
@Component(service = Servlet.class)
public final class ProgrammePagesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** What is served for one programme: its bundle's folder, cached until the bundle changes. */
    private record Pages(long bundleId, long lastModified, String root, StaticAssets assets) {
    }

    private final transient Map<String, ServiceReference<Programme>> programmes = new ConcurrentHashMap<>();
    private final transient Map<String, Pages> pages = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, service = Programme.class)
    void addProgramme(ServiceReference<Programme> ref) {
        id(ref).ifPresent(id -> programmes.put(id, ref));
    }

    void removeProgramme(ServiceReference<Programme> ref) {
        id(ref).ifPresent(id -> {
            programmes.remove(id, ref);
            pages.remove(id + "/consoleResources");
            pages.remove(id + "/residentResources");
        });
    }

    private static Optional<String> id(ServiceReference<?> ref) {
        return Optional.ofNullable(ref.getProperty(ProgrammeDefinition.ID)).map(String::valueOf)
                .filter(s -> s.matches(ProgrammeDefinition.ID_PATTERN));
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        // <id>/<version>/<file>
        String[] parts = Optional.ofNullable(req.getPathInfo()).orElse("").replaceFirst("^/", "").split("/", 3);
        String kind = "/resident-pages".equals(req.getServletPath()) ? "residentResources" : "consoleResources";
        Optional<StaticAssets.Asset> asset;
        ServiceReference<Programme> serving = programmes.get(parts[0]);
        try {
            asset = parts.length == 3 ? assets(parts[0], kind).flatMap(a -> a.find(parts[2])) : Optional.empty();
        } catch (IllegalStateException | NullPointerException e) {
            if (!changing(parts[0], serving)) {
                throw e;
            }
            // a hot deploy is replacing the programme's jar: Felix fails reads of the closing revision (an NPE from
            // inside getEntry or the entry's stream); the new version serves in a moment
            resp.setHeader("Retry-After", "1");
            resp.sendError(503);
            return;
        }
        if (asset.isEmpty()) {
            resp.sendError(404);
            return;
        }
        resp.setHeader("Cache-Control", "no-cache");
        ConsoleServlet.send(req, resp, asset.get());
    }

    /**
     * Whether the programme's bundle changed since {@code serving} was looked up: its service replaced or gone, or its
     * bundle no longer active (being updated, refreshed or removed).
     */
    private boolean changing(String id, ServiceReference<Programme> serving) {
        Bundle bundle = serving == null ? null : serving.getBundle();
        return programmes.get(id) != serving || bundle == null || bundle.getState() != Bundle.ACTIVE;
    }

    private Optional<StaticAssets> assets(String id, String kind) {
        ServiceReference<Programme> ref = programmes.get(id);
        Bundle bundle = ref == null ? null : ref.getBundle();
        Object folder = ref == null ? null : ref.getProperty(ProgrammeDefinition.PREFIX_ + kind);
        if (bundle == null || folder == null || String.valueOf(folder).isBlank()) {
            return Optional.empty();
        }
        String root = String.valueOf(folder).replaceAll("^/+|/+$", "");
        Pages p = pages.compute(id + "/" + kind, (k, old) -> old != null && old.bundleId() == bundle.getBundleId()
                && old.lastModified() == bundle.getLastModified() && old.root().equals(root) ? old
                        : new Pages(bundle.getBundleId(), bundle.getLastModified(), root,
                                new StaticAssets(path -> bundle.getEntry(root + "/" + path))));
        return Optional.of(p.assets());
    }
}
