package org.loumen.core.identity.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.loumen.security.Role;
import org.loumen.security.RoleBinding;
import org.loumen.web.Access;
import org.loumen.web.ApiException;
import org.loumen.web.ApiResource;
import org.loumen.web.ApiResponse;
import org.loumen.web.NodeResolver;
import org.loumen.web.Routes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * User management (账号管理) for administrators within their scope: a street admin manages the community secretaries
 * and leaders of their street, a secretary the leaders of their community, the district admin everyone.
 */
@Component(service = ApiResource.class)
public final class UserResource implements ApiResource {

    private static final Role[] MANAGERS = { Role.DISTRICT_ADMIN, Role.STREET_ADMIN, Role.COMMUNITY_SECRETARY };

    record BindingBody(Role role, String node) {
    }

    record NewUserBody(String username, String displayName, List<BindingBody> bindings, String password) {
    }

    record UpdateUserBody(String displayName, List<BindingBody> bindings, Boolean enabled, Long version) {
    }

    private final AccountAdministration accounts;

    @Activate
    public UserResource(@Reference AccountAdministration accounts) {
        this.accounts = accounts;
    }

    @Override
    public void routes(Routes routes) {
        // the nodes of the account's roles: a manager must cover all of them to see or touch it
        NodeResolver account = r -> accounts.nodesOf(r.pathParam("username"));
        routes.get("/users", Access.within(MANAGERS).filteredBy("node").personalData(), r -> {
            Role role = null;
            if (r.query("role").isPresent()) {
                try {
                    role = Role.valueOf(r.query("role").get().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new ApiException(400, "invalid-parameter", "未知角色 / unknown role", "role");
                }
            }
            return accounts.list(r.scopes(), r.query("node").orElse(null), r.query("q").orElse(null), role,
                    r.queryInt("page", 1, 1, 1_000_000), r.queryInt("size", 50, 1, 200));
        })
                .post("/users", Access.within(MANAGERS), r -> {
                    NewUserBody body = r.body(NewUserBody.class);
                    List<RoleBinding> bindings = bindings(body.bindings());
                    AccountAdministration.Created created = accounts.create(r.caller(),
                            body.username(), body.displayName(), bindings, body.password());
                    r.auditDetail("created " + created.user().username() + " with " + bindings);
                    return ApiResponse.created(created.temporaryPassword() == null ? Map.of("user", created.user())
                            : Map.of("user", created.user(), "temporaryPassword", created.temporaryPassword()));
                })
                .get("/users/{username}", Access.node(account, MANAGERS).personalData(),
                        r -> accounts.view(r.pathParam("username"))
                                .orElseThrow(() -> ApiException.notFound("账号", "account", r.pathParam("username"))))
                .put("/users/{username}", Access.node(account, MANAGERS), r -> {
                    UpdateUserBody body = r.body(UpdateUserBody.class);
                    if (body.version() == null) {
                        throw ApiException.invalidField("version", "缺少版本号 version（乐观锁） / version is required");
                    }
                    List<RoleBinding> bindings = body.bindings() == null ? null : bindings(body.bindings());
                    r.auditDetail((body.enabled() == null ? "" : "enabled=" + body.enabled() + " ")
                            + (bindings == null ? "" : "roles=" + bindings + " ")
                            + (body.displayName() == null ? "" : "displayName changed"));
                    return accounts.update(r.caller(), r.pathParam("username"),
                            body.displayName(), bindings, body.enabled(), body.version());
                })
                .post("/users/{username}/password-reset", Access.node(account, MANAGERS),
                        r -> Map.of("temporaryPassword", accounts.resetPassword(r.caller(),
                                r.pathParam("username"))))
                .post("/users/{username}/unlock", Access.node(account, MANAGERS),
                        r -> accounts.unlock(r.caller(), r.pathParam("username")));
    }

    private static List<RoleBinding> bindings(List<BindingBody> body) throws ApiException {
        if (body == null) {
            return List.of();
        }
        for (int i = 0; i < body.size(); i++) {
            BindingBody b = body.get(i);
            if (b == null || b.role() == null) {
                throw ApiException.invalidField("bindings[" + i + "].role", "缺少角色 / role is required");
            }
            if (b.node() == null || b.node().isBlank()) {
                throw ApiException.invalidField("bindings[" + i + "].node", "缺少节点代码 / node is required");
            }
        }
        return body.stream().map(b -> new RoleBinding(b.role(), b.node().strip())).toList();
    }
}
