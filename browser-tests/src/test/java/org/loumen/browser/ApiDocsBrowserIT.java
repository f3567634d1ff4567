package org.loumen.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * 接口文档: a signed-in street admin opens the API browser from the user menu, finds every route group of the document
 * there and, group by group, every operation of it, all rendered by Swagger UI under the console's strict
 * Content-Security-Policy; tries one GET as themself; without signing in the page says so.
 *
 * <p>The groups start closed (docExpansion none): Swagger UI 5.3x renders a list of 150 or more rows virtually, only
 * the rows near the window, which is why all ~300 operations open at once showed five (the cause of the defect this
 * test once was disabled for). Opened one at a time, each group's operations are all in the page.
 */
class ApiDocsBrowserIT extends WorkBase {

    @Test
    void staffFindEveryRouteInTheApiBrowserAndTryOne() throws Exception {
        JsonNode doc = platform.get("shuanggang", "/api/v1/openapi.json");
        Map<String, Integer> operationsByTag = new TreeMap<>();
        int operations = 0;
        for (JsonNode item : doc.get("paths")) {
            for (JsonNode op : item) {
                operationsByTag.merge(op.get("tags").get(0).asText(), 1, Integer::sum);
                operations++;
            }
        }
        assertTrue(operations > 200, "the whole platform's routes: " + operations);

        Browser b = browser("api-docs", Browser.DESKTOP);
        ConsolePage console = new ConsolePage(b, platform);
        console.signIn("shuanggang");
        b.click(By.cssSelector("[data-testid=user-menu]"));
        b.click(By.cssSelector("[data-testid=api-docs]"));
        WebDriverWait slow = new WebDriverWait(b.driver, Duration.ofSeconds(30));
        List<String> groups = slow.until(d -> {
            List<String> tags = tags(b);
            return tags.size() == operationsByTag.size() ? tags : null;
        });
        b.shot("1-api-browser");
        assertTrue(b.text().contains("楼门栋长工作平台 接口"), "the document's title");
        assertEquals(new ArrayList<>(operationsByTag.keySet()), groups, "every route group, by bundle, in order");

        // each group opened alone shows every operation of it (the groups' sum is the document's count)
        int drawn = 0;
        for (Map.Entry<String, Integer> group : operationsByTag.entrySet()) {
            b.click(tag(group.getKey()));
            int expected = group.getValue();
            int seen = slow.until(d -> {
                int n = d.findElements(By.cssSelector("#swagger .opblock")).size();
                return n == expected ? n : null;
            });
            drawn += seen;
            if (group.getKey().equals("org.loumen.core.workflow")) {
                b.shot("2-largest-group-open");
            }
            b.click(tag(group.getKey()));
            slow.until(d -> d.findElements(By.cssSelector("#swagger .opblock")).isEmpty());
        }
        assertEquals(operations, drawn, "every operation of the document is drawn");

        // try one GET as the signed-in user: the page sends the console's token
        b.click(tag("org.loumen.core.identity"));
        By me = By.cssSelector("#swagger .opblock-summary-path[data-path='/auth/me']");
        b.click(me);
        slow.until(d -> d.findElement(By.tagName("body")).getText().contains("访问规则 / access: signed-in"));
        b.click(By.cssSelector("#swagger .opblock.is-open .try-out__btn"));
        b.click(By.cssSelector("#swagger .opblock.is-open button.execute"));
        By status = By.cssSelector("#swagger .opblock.is-open .live-responses-table .response .response-col_status");
        String code = slow.until(d -> d.findElements(status).isEmpty() ? null
                : d.findElement(status).getText().strip());
        assertTrue(code.startsWith("200"), "GET /auth/me answered " + code);
        String body = b.driver.findElement(By.cssSelector("#swagger .opblock.is-open .live-responses-table "
                + ".response .response-col_description")).getText();
        assertTrue(body.contains("shuanggang"), "the answer is about the signed-in user: " + body);
        scrollTo(b, b.driver.findElement(status));
        b.shot("3-tried-get-auth-me");
        assertEquals(List.of(), b.consoleErrors(), "no CSP violation, no failed script");

        // a phone: the groups fit its width, and the page asks strangers to sign in first
        Browser phone = browser("api-docs-phone", Browser.PHONE);
        phone.driver.get(platform.base() + "/api-docs");
        phone.wait.until(d -> d.findElement(By.id("api-docs-status")).getText().contains("请先在工作平台登录"));
        phone.shot("4-not-signed-in");
        Browser signedInPhone = browser("api-docs-phone-signed-in", Browser.PHONE);
        new ConsolePage(signedInPhone, platform).signIn("shuanggang");
        signedInPhone.driver.get(platform.base() + "/api-docs");
        new WebDriverWait(signedInPhone.driver, Duration.ofSeconds(30))
                .until(d -> tags(signedInPhone).size() == operationsByTag.size() ? true : null);
        Object overflow = ((JavascriptExecutor) signedInPhone.driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Object wide = ((JavascriptExecutor) signedInPhone.driver).executeScript(
                "const w = document.documentElement.clientWidth; return [...document.querySelectorAll('body *')]"
                + ".filter(e => e.getBoundingClientRect().right > w + 1 && e.getBoundingClientRect().width > 0)"
                + ".filter(e => !(e instanceof SVGElement)).slice(0, 30).map(e => e.tagName + '.' + e.className + ' ' + Math.round("
                + "e.getBoundingClientRect().right)).join('; ')");
        assertEquals(0L, ((Number) overflow).longValue(), "no sideways scrolling at 390 px; wider: " + wide);
        signedInPhone.shot("5-groups-on-a-phone");
    }

    private static List<String> tags(Browser b) {
        return b.driver.findElements(By.cssSelector("#swagger .opblock-tag")).stream()
                .map(e -> e.getAttribute("data-tag")).toList();
    }

    /** A route group's header (clicking it opens or closes the group). */
    private static By tag(String tag) {
        return By.cssSelector("#swagger .opblock-tag[data-tag='" + tag + "']");
    }

    private static void scrollTo(Browser b, WebElement e) {
        ((JavascriptExecutor) b.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", e);
    }
}
