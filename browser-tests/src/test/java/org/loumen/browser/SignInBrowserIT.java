package org.loumen.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Signing in and out as staff do: the forced password change, wrong passwords, lockout, an expired session. */
class SignInBrowserIT extends BrowserTest {

    ConsolePage console;

    @BeforeEach
    void open(TestInfo info) {
        browser("signin-" + info.getTestMethod().orElseThrow().getName(), Browser.DESKTOP);
        console = new ConsolePage(b, platform);
    }

    @Test
    void firstSignInForcesANewPasswordThenLandsOnTheDashboard() {
        console.open("/");
        b.wait.until(ExpectedConditions.urlContains("#/login"));
        b.find(By.name("username"));
        b.shot("1-sign-in");
        b.assertAccessible("sign-in");
        console.submitSignIn("gangwan", platform.password("gangwan"));
        b.waitForText("请先设置您自己的密码");
        b.shot("2-forced-change");
        b.assertAccessible("forced password change");
        // the menu is not there until the password is changed
        assertTrue(b.driver.findElements(By.cssSelector("#sidenav")).isEmpty());
        console.changePassword(platform.password("gangwan"), Platform.NEW_PASSWORD);
        platform.passwordChanged("gangwan");
        console.waitForMenu();
        assertTrue(b.driver.getCurrentUrl().endsWith("#/"), b.driver.getCurrentUrl());
        assertTrue(console.menu().contains("楼门栋长"), console.menu().toString());
        b.shot("3-signed-in");
        console.signOut();
        b.shot("4-signed-out");
    }

    @Test
    void aWeakNewPasswordIsExplainedUnderItsField() {
        console.open("/login").submitSignIn("shuanggang", platform.password("shuanggang"));
        console.changePassword(platform.password("shuanggang"), "short");
        b.waitForText("密码");
        b.wait.until(d -> !d.findElements(By.cssSelector(".invalid-feedback")).isEmpty());
        String error = b.find(By.cssSelector(".invalid-feedback")).getText();
        assertFalse(error.isBlank());
        b.shot("weak-password");
    }

    @Test
    void wrongPasswordsAreRefusedInWordsAndLockTheAccount() {
        console.open("/login");
        String lastError = "";
        for (int i = 0; i < 6; i++) {
            console.submitSignIn("shuangxin", "Wrong-password-" + i);
            int attempt = i;
            b.wait.until(d -> {
                List<org.openqa.selenium.WebElement> e = d.findElements(By.cssSelector("[data-testid=signin-error]"));
                return !e.isEmpty() && !e.get(0).getText().isBlank();
            });
            lastError = b.find(By.cssSelector("[data-testid=signin-error]")).getText();
            if (attempt == 0) {
                assertTrue(lastError.contains("用户名或密码错误"), lastError);
            }
        }
        assertTrue(lastError.contains("锁定") || lastError.contains("秒后再试"), lastError);
        b.shot("locked");
        // English says the same in English
        console.switchLanguage();
        console.submitSignIn("shuangxin", "Wrong-password-x");
        b.wait.until(d -> d.findElement(By.cssSelector("[data-testid=signin-error]")).getText().matches(".*[a-z].*"));
        b.shot("locked-en");
        console.switchLanguage();
    }

    @Test
    void anExpiredSessionReturnsToSignInAndThenToThePage() throws Exception {
        console.signIn("admin");
        console.go("/leaders");
        // the list has loaded (else its request, answered 401 after the logout below, races the menu click)
        new LeadersPage(b, platform).waitLoaded();
        // the session ends behind the page's back (idle expiry, or an administrator ended it)
        String token = (String) ((JavascriptExecutor) b.driver).executeScript(
                "return sessionStorage.getItem('loumen.token');");
        platform.call("POST", "/api/v1/auth/logout", token, null, 204);
        // a page that asks the server for its data (the answer may send the browser on before go() sees the page)
        b.click(By.cssSelector("#sidenav [data-nav='/households']"));
        b.wait.until(ExpectedConditions.urlContains("#/login"));
        b.waitForText("登录已过期");
        b.shot("expired");
        assertTrue(b.driver.getCurrentUrl().contains("next=%2Fhouseholds"), b.driver.getCurrentUrl());
        console.submitSignIn("admin", platform.password("admin"));
        b.wait.until(ExpectedConditions.urlContains("#/households"));
    }

    @Test
    void theTokenIsNeverInTheAddressOrLocalStorage() {
        console.signIn("admin");
        assertFalse(b.driver.getCurrentUrl().contains(
                (String) ((JavascriptExecutor) b.driver).executeScript("return sessionStorage.getItem('loumen.token');")));
        assertEquals(0L, ((JavascriptExecutor) b.driver).executeScript(
                "return Object.keys(localStorage).filter(k => k.includes('token')).length;"));
    }

    @Test
    void anAuditorSeesTheAuditLogAndNothingElse() {
        console.signIn("auditor");
        assertEquals(List.of("审计日志"), console.menu());
        b.wait.until(ExpectedConditions.urlContains("#/audit"));
        // a page of another role, typed into the address bar, sends the auditor back to the log
        console.open("/leaders");
        b.wait.until(ExpectedConditions.urlContains("#/audit"));
        b.shot("auditor");
    }
}
