package org.loumen.browser;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** 审计日志: the auditor filters the log and checks the chain; the district admin reads it too; a street admin cannot. */
class AuditBrowserIT extends WorkBase {

    @Test
    void theAuditorFiltersTheLogAndFindsTheChainIntact() throws Exception {
        // a refused sign-in to find
        platform.call("POST", "/api/v1/auth/login", null, "{\"username\":\"shuangxin\",\"password\":\"Wrong-password-1\"}",
                401);
        Browser b = browser("audit", Browser.DESKTOP);
        AuditPage log = new AuditPage(b, platform);
        log.signIn("auditor");
        log.openLog();
        List<String> all = log.entries();
        assertFalse(all.isEmpty());
        b.shot("1-log");
        b.assertAccessible("audit log");

        List<String> logins = log.byAction("auth.login").entries();
        assertFalse(logins.isEmpty());
        assertTrue(logins.stream().allMatch(r -> r.contains("auth.login")), logins.toString());
        List<String> failed = log.byOutcome("FAILURE").entries();
        assertTrue(failed.stream().anyMatch(r -> r.contains("shuangxin")), failed.toString());
        assertTrue(failed.stream().allMatch(r -> r.contains("auth.login") && r.contains("失败")), failed.toString());
        b.shot("2-failed-sign-ins");

        String check = log.verify();
        assertTrue(check.contains("日志链完整") && check.contains("已校验"), check);
        b.shot("3-chain-intact");
        b.assertAccessible("chain check");
    }

    @Test
    void theDistrictAdminReadsItAndAStreetAdminHasNoEntry() {
        Browser b = browser("audit-admin", Browser.DESKTOP);
        AuditPage log = new AuditPage(b, platform);
        log.signIn("admin");
        assertTrue(log.menu().contains("审计日志"), log.menu().toString());
        log.openLog();
        assertFalse(log.entries().isEmpty());
        assertTrue(log.verify().contains("日志链完整"));
        log.signOut();

        log.signIn("shuanggang");
        assertFalse(log.menu().contains("审计日志"), log.menu().toString());
        // typed into the address bar, the page is not shown to them
        log.open("/audit");
        b.wait.until(d -> !d.getCurrentUrl().contains("#/audit"));
        b.shot("street-admin-no-audit");

        Browser phone = browser("audit-phone", Browser.PHONE);
        AuditPage small = new AuditPage(phone, platform);
        small.signIn("auditor");
        small.openLog();
        phone.shot("phone");
        assertAccessiblePhone(phone, "audit log on a phone");
    }
}
