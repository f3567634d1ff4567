package org.loumen.core.programme.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.loumen.core.model.Building;
import org.loumen.core.model.ModelException;
import org.loumen.core.model.OrganisationService;
import org.loumen.programme.ProgrammeRole;
import org.loumen.security.AccountDirectory;
import org.loumen.security.Caller;
import org.loumen.security.Role;
import org.loumen.web.Access;
import org.loumen.web.ApiException;
import org.loumen.web.ApiRequest;
import org.loumen.web.ApiResource;
import org.loumen.web.ApiResponse;
import org.loumen.web.Routes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Programme roles over HTTP (项目角色): the roles deployed programmes declare, and granting and revoking them at a node,
 * scoped like core roles: a caller grants only at nodes they cover, only roles whose declared granting role they hold
 * (or may grant). Writes are audited by the dispatcher.
 */
@Component(service = ApiResource.class)
public final class ProgrammeRoleResource implements ApiResource {

    static final Role[] GRANTERS = { Role.DISTRICT_ADMIN, Role.STREET_ADMIN, Role.COMMUNITY_SECRETARY };

    /** The body of a grant. */
    record NewGrant(String username, String programme, String role, String node) {
    }

    private final ProgrammeRegistry registry;
    private final RoleGrants grants;
    private final OrganisationService organisation;
    private final AccountDirectory accounts;

    @Activate
    public ProgrammeRoleResource(@Reference ProgrammeRegistry registry, @Reference RoleGrants grants,
            @Reference OrganisationService organisation, @Reference AccountDirectory accounts) {
        this.registry = registry;
        this.grants = grants;
        this.organisation = organisation;
        this.accounts = accounts;
    }

    @Override
    public void routes(Routes routes) {
        routes.get("/programme-roles", Access.within(GRANTERS), r -> registry.active().stream()
                .flatMap(l -> l.programmeRoles().stream().map(role -> declared(l, role))).toList())
                .get("/programme-roles/grants", Access.within(GRANTERS).filteredBy("node").personalData(),
                        this::list)
                .post("/programme-roles/grants", Access.within(GRANTERS), this::grant)
                .delete("/programme-roles/grants/{grant}", Access.within(GRANTERS), this::revoke);
    }

    private static Map<String, Object> declared(ProgrammeRegistry.Listed l, ProgrammeRole role) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("programme", l.id());
        m.put("programmeName", Map.of("zh", l.nameZh(), "en", l.nameEn()));
        m.put("role", role.id());
        m.put("qualified", ProgrammeApi.qualified(l.id(), role.id()));
        m.put("name", Map.of("zh", role.nameZh(), "en", role.nameEn()));
        m.put("grantedBy", role.grantedBy().name());
        m.put("level", role.level().name());
        return m;
    }

    private List<Map<String, Object>> list(ApiRequest r) {
        Optional<String> node = r.query("node");
        Optional<String> user = r.query("username");
        Optional<String> programme = r.query("programme");
        var serving = registry.activeIds();
        return grants.all().stream().filter(g -> r.inScope(g.node()))
                .filter(g -> node.isEmpty() || g.node().startsWith(node.get()))
                .filter(g -> user.isEmpty() || g.username().equals(user.get()))
                .filter(g -> programme.isEmpty() || g.programme().equals(programme.get()))
                .map(g -> view(g, serving.contains(g.programme()))).toList();
    }

    static Map<String, Object> view(RoleGrants.Stored g, boolean active) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", g.id());
        m.put("username", g.username());
        m.put("programme", g.programme());
        m.put("role", g.role());
        m.put("qualified", g.qualified());
        m.put("node", g.node());
        m.put("grantedBy", g.grantedBy());
        m.put("grantedAt", g.grantedAt().toString());
        // a grant of a programme that is not deployed is kept but admits nobody
        m.put("active", active);
        return m;
    }

    private ApiResponse grant(ApiRequest r) throws ApiException {
        NewGrant body = r.body(NewGrant.class);
        String username = required("username", body.username());
        if (!username.matches("[A-Za-z0-9._@-]{1,64}")) {
            throw ApiException.invalidField("username", "用户名格式有误 / username is malformed");
        }
        String programme = required("programme", body.programme());
        String roleId = required("role", body.role());
        String node = required("node", body.node());
        ProgrammeRegistry.Listed listed = registry.active().stream().filter(l -> l.id().equals(programme))
                .findFirst().orElseThrow(() -> new ApiException(404, "programme-unknown",
                        "没有此项目 / no programme " + programme + " is deployed", "programme"));
        ProgrammeRole role = listed.programmeRoles().stream().filter(x -> x.id().equals(roleId)).findFirst()
                .orElseThrow(() -> new ApiException(404, "role-unknown", "项目 " + programme + " 没有角色 " + roleId
                        + " / the programme " + programme + " declares no role " + roleId, "role"));
        if (!role.level().matches(node)) {
            throw ApiException.invalidField("node", "角色 " + role.nameZh() + " 须授予在" + levelZh(role.level())
                    + "一级 / the role " + roleId + " is held at a " + role.level().name().toLowerCase() + " node");
        }
        mayGrant(r.caller(), role.grantedBy(), node);
        if (!exists(node)) {
            throw new ApiException(404, "not-found", "未找到该地点 / no such place", "node");
        }
        if (!accounts.exists(username)) {
            throw new ApiException(404, "account-unknown", "没有此账号 / no account " + username, "username");
        }
        var done = grants.grant(username, programme, roleId, node, role.grantedBy().name(), r.caller().username());
        r.auditDetail((done.getValue() ? "granted " : "already held: ") + done.getKey().qualified() + " at " + node
                + " to " + username);
        return ApiResponse.of(done.getValue() ? 201 : 200, view(done.getKey(), true));
    }

    private Object revoke(ApiRequest r) throws ApiException {
        long id = r.pathId("grant").orElse(-1L);
        RoleGrants.Stored g = grants.find(id).orElseThrow(() -> new ApiException(404, "not-found",
                "未找到 / not found"));
        Role grantedBy;
        try {
            grantedBy = Role.valueOf(g.grantedByRole());
        } catch (IllegalArgumentException e) {
            grantedBy = Role.DISTRICT_ADMIN;
        }
        if (!r.inScope(g.node())) {
            throw new ApiException(404, "not-found", "未找到 / not found");
        }
        mayGrant(r.caller(), grantedBy, g.node());
        grants.revoke(g);
        r.auditDetail("revoked " + g.qualified() + " at " + g.node() + " from " + g.username());
        return null;
    }

    /** The caller must hold the granting role (or one that may grant it) at or above the node. */
    private static void mayGrant(Caller caller, Role grantedBy, String node) throws ApiException {
        boolean may = caller.bindings().stream().anyMatch(b -> b.covers(node)
                && (b.role() == grantedBy || b.role().mayGrant(grantedBy)));
        if (!may) {
            boolean anywhere = caller.bindings().stream().anyMatch(b -> b.covers(node));
            if (!anywhere) {
                throw new ApiException(404, "not-found", "未找到该地点 / no such place", "node");
            }
            throw new ApiException(403, "forbidden", "此角色须由" + grantedBy.zh() + "授予 / only a " + grantedBy
                    + " (or a role above it) grants this role here");
        }
    }

    private boolean exists(String node) {
        if (node.length() == 9) {
            return organisation.street(node).isPresent();
        }
        String community = node.substring(0, 12);
        if (organisation.community(community).isEmpty()) {
            return false;
        }
        if (node.length() == 12) {
            return true;
        }
        try {
            for (Building b : organisation.buildings(community)) {
                if (b.code().equals(node) || b.units().stream().anyMatch(u -> u.code().equals(node))) {
                    return true;
                }
            }
        } catch (ModelException e) {
            return false;
        }
        return false;
    }

    private static String levelZh(ProgrammeRole.Level level) {
        return switch (level) {
            case STREET -> "街道";
            case COMMUNITY -> "社区";
            case BUILDING -> "楼栋";
            case UNIT -> "楼门";
        };
    }

    private static String required(String field, String value) throws ApiException {
        if (value == null || value.isBlank()) {
            throw ApiException.invalidField(field, field + " 不能为空 / " + field + " is required");
        }
        return value.strip();
    }
}
