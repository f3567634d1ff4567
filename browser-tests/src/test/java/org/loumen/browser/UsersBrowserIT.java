package org.loumen.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** 账号: a street admin creates a secretary for a community of their street, then disables the account. */
class UsersBrowserIT extends WorkBase {

    @Test
    void aStreetAdminCreatesASecretaryAndDisablesTheAccount() throws Exception {
        Browser b = browser("users", Browser.DESKTOP);
        UsersPage users = new UsersPage(b, platform);
        users.signIn("shuanggang");
        users.openList();
        assertTrue(users.accounts().stream().anyMatch(r -> r.contains("gangwan")), users.accounts().toString());
        b.shot("1-list");
        b.assertAccessible("accounts");

        users.startNew("chunhui.shuji", "春晖里社区书记（测试）");
        // only roles below a street admin's own are offered
        assertEquals(List.of("社区书记", "楼门栋长"), users.offeredRoles());
        users.addRole("COMMUNITY_SECRETARY", "120112103002");
        b.shot("2-form");
        b.assertAccessible("new account form");
        String temporary = users.create();
        assertTrue(temporary.length() >= 10, temporary);
        assertTrue(b.text().contains("只显示这一次"), b.text());
        b.shot("3-temporary-password");
        // the password works (and must be changed at the first sign-in)
        JsonNode login = platform.call("POST", "/api/v1/auth/login", null, Platform.JSON.writeValueAsString(
                Map.of("username", "chunhui.shuji", "password", temporary)), 200);
        assertTrue(login.get("user").get("mustChangePassword").asBoolean());
        JsonNode account = platform.get("shuanggang", "/api/v1/users/chunhui.shuji");
        assertEquals("COMMUNITY_SECRETARY", account.get("bindings").get(0).get("role").asText());
        assertEquals("120112103002", account.get("bindings").get(0).get("node").asText());
        users.dismissPassword();
        assertFalse(b.text().contains(temporary), "the temporary password is shown once");
        assertTrue(users.accounts().stream().anyMatch(r -> r.contains("chunhui.shuji")), users.accounts().toString());

        UserPage user = users.view("chunhui.shuji");
        // a programme's own role (人民调解员 of mediation), granted at the community and revoked again
        user.grantProgrammeRole("mediation:MEDIATOR", "120112103002");
        user.waitText("programme-grant-list", "人民调解员");
        assertTrue(user.programmeGrants().contains("春晖里"), user.programmeGrants());
        b.shot("4-programme-role");
        b.assertAccessible("account with a programme role");
        JsonNode grants = platform.get("shuanggang", "/api/v1/programme-roles/grants?username=chunhui.shuji");
        assertEquals("MEDIATOR", grants.get(0).get("role").asText());
        assertEquals("120112103002", grants.get(0).get("node").asText());
        String revoke = user.revokeFirstProgrammeRole();
        assertTrue(revoke.contains("立即"), revoke);
        user.waitText("programme-grants", "尚未授予项目角色");
        assertEquals(0, platform.get("shuanggang", "/api/v1/programme-roles/grants?username=chunhui.shuji").size());
        String consequence = user.disable();
        assertTrue(consequence.contains("会话") && consequence.contains("不能再登录"), consequence);
        b.shot("5-disabled");
        assertFalse(platform.get("shuanggang", "/api/v1/users/chunhui.shuji").get("enabled").asBoolean());
        JsonNode refused = platform.call("POST", "/api/v1/auth/login", null, Platform.JSON.writeValueAsString(
                Map.of("username", "chunhui.shuji", "password", temporary)), 403);
        assertEquals("account-disabled", refused.get("error").asText());

        Browser phone = browser("users-phone", Browser.PHONE);
        UsersPage small = new UsersPage(phone, platform);
        small.signIn("shuanggang");
        small.openList();
        phone.shot("6-phone");
        assertAccessiblePhone(phone, "accounts on a phone");
    }
}
