package org.loumen.core.identity.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.loumen.web.Access;
import org.loumen.web.ApiException;
import org.loumen.web.ApiRequest;
import org.loumen.web.ApiResource;
import org.loumen.web.Routes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Sign-in, sign-out and one's own account: {@code /auth/...} (登录与退出). */
@Component(service = ApiResource.class)
public final class AuthResource implements ApiResource {

    record LoginBody(String username, String password) {
    }

    record PasswordBody(String currentPassword, String newPassword) {
    }

    record LoginAnswer(String token, Instant expiresAt, UserView user) {
    }

    private final IdentityService identity;

    @Activate
    public AuthResource(@Reference IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public void routes(Routes routes) {
        routes.post("/auth/login", Access.publicRoute().auditedByHandler(), r -> {
            LoginBody body = r.body(LoginBody.class);
            if (body.username() == null || body.username().isBlank()) {
                throw ApiException.invalidField("username", "请输入用户名 / username is required");
            }
            if (body.password() == null || body.password().isEmpty()) {
                throw ApiException.invalidField("password", "请输入密码 / password is required");
            }
            IdentityService.Login login = identity.login(body.username(), body.password(), r.remoteAddress());
            return new LoginAnswer(login.token(), Instant.ofEpochMilli(login.expiresAt()), login.user());
        })
                .post("/auth/logout", Access.signedIn(), r -> {
                    identity.logout(token(r));
                    return null;
                })
                .get("/auth/me", Access.signedIn(), r -> {
                    Map<String, Object> me = new LinkedHashMap<>();
                    me.put("user", identity.view(r.caller().username())
                            .orElseThrow(() -> ApiException.notFound("账号", "account", r.caller().username())));
                    me.put("leaderId", r.caller().leaderId());
                    me.put("expiresAt", Instant.ofEpochMilli(identity.expiresAt(token(r))));
                    return me;
                })
                .post("/auth/password", Access.signedIn(), r -> {
                    PasswordBody body = r.body(PasswordBody.class);
                    identity.changeOwnPassword(r.caller(), token(r), body.currentPassword(), body.newPassword(),
                            r.remoteAddress());
                    return null;
                });
    }

    /** The bearer token the dispatcher already accepted for this request. */
    private static String token(ApiRequest r) {
        return r.header("Authorization").map(h -> h.substring("Bearer ".length()).strip()).orElse("");
    }
}
