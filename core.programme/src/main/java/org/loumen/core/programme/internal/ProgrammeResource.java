package org.loumen.core.programme.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.loumen.core.model.DivisionCodes;
import org.loumen.core.model.OrganisationService;
import org.loumen.programme.data.PersonalData;
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
    record Switch(Boolean enabled, List<String> acknowledged) {
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
                // the resident pages (unit page, door poster): the programmes enabled here that bring parts of them
                .get("/public/streets/{street}/programmes", Access.publicRoute(), r -> {
                    String street = r.pathParam("street");
                    if (!DivisionCodes.hasStreetForm(street) || organisation.street(street).isEmpty()) {
                        throw new ApiException(404, "not-found", "未找到街道 / no such street", "street");
                    }
                    return registry.residents().stream().filter(p -> enablement.isEnabled(street, p.id()))
                            .map(p -> Map.of("id", p.id(), "name", Map.of("zh", p.nameZh(), "en", p.nameEn()),
                                    "version", p.version(), "resident", Map.of("unit", p.unit(), "poster", p.poster())))
                            .toList();
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
                    String acknowledged = on ? acknowledged(id, body.acknowledged()) : null;
                    boolean changed = enablement.set(street, id, on, r.caller().username(), acknowledged);
                    r.auditDetail((on ? "enabled " : "disabled ") + id + (changed ? "" : " (unchanged)")
                            + (on ? "; personal data declared " + declared(id) + (acknowledged == null
                                    ? ", acknowledgement not given" : ", acknowledged") : ""));
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("street", street);
                    out.put("programme", id);
                    out.put("enabled", on);
                    out.put("changed", changed);
                    if (on) {
                        out.put("dataAccess", declared(id).stream().map(PersonalData::name).toList());
                        out.put("acknowledged", acknowledged != null);
                    }
                    return out;
                });
    }

    /** The personal data a served programme declares it reads (none when it is not served). */
    private Set<PersonalData> declared(String id) {
        return registry.active().stream().filter(l -> l.id().equals(id)).findFirst()
                .map(ProgrammeRegistry.Listed::reads).orElse(Set.of());
    }

    /**
     * The acknowledgement of the declarations, as stored: it must name exactly what the programme declares now (a
     * programme upgraded while the page was open may declare more).
     */
    private String acknowledged(String id, List<String> given) throws ApiException {
        if (given == null) {
            return null;
        }
        Set<PersonalData> declared = declared(id);
        Set<String> names = new java.util.TreeSet<>();
        declared.forEach(d -> names.add(d.name()));
        if (!new java.util.TreeSet<>(given).equals(names)) {
            throw new ApiException(409, "data-access-changed", "项目声明读取的个人信息与您确认的不一致，请重新查看 / the "
                    + "programme declares other personal data than you acknowledged; review it again", "acknowledged")
                    .with("dataAccess", List.copyOf(names));
        }
        return String.join(",", names);
    }

    /** The street in the path, which must exist: a code out of the caller's scope never gets this far. */
    private String street(ApiRequest r) throws ApiException {
        String street = r.pathParam("street");
        if (!DivisionCodes.hasStreetForm(street) || organisation.street(street).isEmpty()) {
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
        // like an app's permissions: what the programme reads of the core's personal data, and its own roles
        m.put("dataAccess", l.reads().stream().sorted().map(d -> Map.of("kind", d.name(),
                "description", Map.of("zh", d.zh(), "en", d.en()))).toList());
        m.put("programmeRoles", l.programmeRoles().stream().map(pr -> Map.of("id", pr.id(),
                "name", Map.of("zh", pr.nameZh(), "en", pr.nameEn()), "grantedBy", pr.grantedBy().name(),
                "level", pr.level().name())).toList());
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
