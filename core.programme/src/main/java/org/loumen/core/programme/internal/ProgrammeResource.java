package org.loumen.core.programme.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.loumen.core.model.OrganisationService;
import org.loumen.security.Role;
import org.loumen.web.Access;
import org.loumen.web.ApiException;
import org.loumen.web.ApiRequest;
import org.loumen.web.ApiResource;
import org.loumen.web.Routes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The programmes over HTTP: what is deployed and in which state, which street enabled what, and the street admin's
 * switch.
 */
@Component(service = ApiResource.class)
public final class ProgrammeResource implements ApiResource {

    static final Role[] STAFF = { Role.DISTRICT_ADMIN, Role.STREET_ADMIN, Role.COMMUNITY_SECRETARY };
    static final Role[] IN_STREET = { Role.DISTRICT_ADMIN, Role.STREET_ADMIN, Role.COMMUNITY_SECRETARY, Role.LEADER };
    static final Role[] SWITCHERS = { Role.DISTRICT_ADMIN, Role.STREET_ADMIN };

    /** The body of the street admin's switch; {@code enabled} is required. */
    record Switch(Boolean enabled) {
    }

    private final ProgrammeRegistry registry;
    private final Enablement enablement;
    private final OrganisationService organisation;

    @Activate
    public ProgrammeResource(@Reference ProgrammeRegistry registry, @Reference Enablement enablement,
            @Reference OrganisationService organisation) {
        this.registry = registry;
        this.enablement = enablement;
        this.organisation = organisation;
    }

    @Override
    public void routes(Routes routes) {
        routes.get("/programmes", Access.within(STAFF), r -> registry.list().stream()
                .map(l -> view(l, enabledIn(l.id(), r.scopes()), null)).toList())
                .get("/streets/{street}/programmes", Access.area("street", IN_STREET), r -> {
                    String street = street(r);
                    // people of the street see what they can use; bundles, routes and failure reasons are for staff
                    return registry.list().stream().map(l -> {
                        Map<String, Object> m = view(l, null, enablement.isEnabled(street, l.id()));
                        m.keySet().removeAll(List.of("bundle", "bundleId", "reason", "routes"));
                        return m;
                    }).toList();
                })
                .put("/streets/{street}/programmes/{programme}", Access.node("street", SWITCHERS), r -> {
                    String street = street(r);
                    String id = r.pathParam("programme");
                    Switch body = r.body(Switch.class);
                    if (body.enabled() == null) {
                        throw ApiException.invalidField("enabled", "须为 true 或 false / enabled must be true or false");
                    }
                    boolean on = body.enabled();
                    if (!registry.switchable(id, on)) {
                        throw new ApiException(404, "programme-unknown", "没有此项目 / no programme " + id
                                + " is deployed").with("programme", id);
                    }
                    boolean changed = enablement.set(street, id, on, r.caller().username());
                    r.auditDetail((on ? "enabled " : "disabled ") + id + (changed ? "" : " (unchanged)"));
                    return Map.of("street", street, "programme", id, "enabled", on, "changed", changed);
                });
    }

    /** The street in the path, which must exist: a code out of the caller's scope never gets this far. */
    private String street(ApiRequest r) throws ApiException {
        String street = r.pathParam("street");
        if (!street.matches("\\d{9}") || organisation.street(street).isEmpty()) {
            throw new ApiException(404, "not-found", "未找到 / not found");
        }
        return street;
    }

    /** The streets that enabled the programme, as far as the caller may see: their own part of the tree. */
    private List<String> enabledIn(String id, Set<String> scopes) {
        return enablement.streetsOf(id).stream()
                .filter(s -> scopes.stream().anyMatch(n -> s.startsWith(n) || n.startsWith(s))).toList();
    }

    /** One programme as JSON; {@code enabledStreets} on the list of all, {@code enabled} on a street's list. */
    static Map<String, Object> view(ProgrammeRegistry.Listed l, List<String> enabledStreets, Boolean enabled) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", l.id());
        m.put("name", Map.of("zh", l.nameZh(), "en", l.nameEn()));
        m.put("description", Map.of("zh", l.descriptionZh(), "en", l.descriptionEn()));
        m.put("version", l.version());
        m.put("bundle", l.bundle());
        m.put("bundleId", l.bundleId());
        m.put("state", l.state().name());
        if (l.reason() != null) {
            m.put("reason", l.reason());
        }
        m.put("roles", l.roles());
        m.put("routes", l.routes());
        if (!l.consoleResources().isEmpty() || !l.consoleMenuZh().isEmpty()) {
            m.put("console", Map.of("resources", l.consoleResources(),
                    "menu", Map.of("zh", l.consoleMenuZh(), "en", l.consoleMenuEn())));
        }
        if (enabledStreets != null) {
            m.put("enabledStreets", enabledStreets);
        }
        if (enabled != null) {
            m.put("enabled", enabled);
        }
        return m;
    }
}
