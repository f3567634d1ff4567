package org.loumen.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Unit tests of the console's own logic (formatting, the API's bilingual messages, routing, node kinds), run in
 * the real browser against the modules the platform serves — no Node toolchain needed.
 */
class ClientLogicBrowserIT {

    static Platform platform;
    static Browser b;

    @BeforeAll
    static void start() throws Exception {
        platform = Platform.start();
        b = new Browser("client-logic", Browser.DESKTOP);
        b.driver.get(platform.base() + "/#/login");
        b.find(org.openqa.selenium.By.name("username"));
    }

    @AfterAll
    static void stop() throws Exception {
        b.close();
        platform.close();
    }

    /** Runs an async snippet with the module at js/&lt;module&gt; bound to {@code m}; returns what it resolves. */
    static Object run(String module, String body) {
        String script = "const done = arguments[arguments.length - 1];"
                + "const assets = document.getElementById('app').dataset.assets;"
                + "import(assets + '/js/" + module + "').then(async (m) => { try { done(await (async () => {" + body
                + "})()); } catch (e) { done('ERROR ' + e); } });";
        return ((JavascriptExecutor) b.driver).executeAsyncScript(script);
    }

    @Test
    void messagesKeepTheHalfOfTheLanguage() {
        assertEquals(List.of("用户名或密码错误", "wrong username or password", "plain"), run("i18n.js",
                "const s = 'x'; const zh = m.msg('用户名或密码错误 / wrong username or password');"
                        + "m.setLang('en'); const en = m.msg('用户名或密码错误 / wrong username or password');"
                        + "m.setLang('zh'); return [zh, en, m.msg('plain')];"));
    }

    @Test
    void numbersAndDatesFollowChineseConventions() {
        assertEquals(List.of("77.92%", "—", "1,234", "2026-11-30", "2026-03-01", "2026-H2", "2026-H1"),
                run("i18n.js", "return [m.fmtPercent(77.92), m.fmtPercent(null), m.fmtNumber(1234),"
                        + " m.fmtDate('2026-11-30'), m.fmtDate('2026-02-28T16:30:00Z'), m.period('2026-07-01'),"
                        + " m.period('2026-06-30')];"));
        // an instant late in the UTC day is already the next day in China
        assertEquals("2026-03-01 00:30", run("i18n.js", "return m.fmtDateTime('2026-02-28T16:30:00Z');"));
    }

    @Test
    void routesKeepFiltersAndDropEmptyValues() {
        assertEquals("#/leaders?street=120112103&status=IN_SERVICE",
                run("router.js", "return m.href('/leaders', {street: '120112103', q: '', status: 'IN_SERVICE', x: null});"));
        assertEquals(Map.of("path", "/leaders", "query", Map.of("age", "under60")),
                run("router.js", "return m.parse('#/leaders?age=under60');"));
    }

    @Test
    void phonesAreMaskedByTheServersRule() {
        // the door poster masks a leader's number in the page: a landline or a short number must not show whole
        assertEquals(List.of("138****1234", "022*****5678", "******", "138****1234", ""), run("easy.js",
                "return [m.masked('13812341234'), m.masked('022123455678'), m.masked('123456'),"
                        + " m.masked('138****1234'), m.masked(null)];"));
    }

    @Test
    void codesNameTheirKindOfNode() {
        assertEquals(List.of("district", "street", "community", "building", "unit"), run("auth.js",
                "return ['120112','120112103','120112103001','120112103001B003','120112103001B003U02'].map(m.kindOf);"));
    }

    @Test
    void apiErrorsSayWhatWentWrongInTheCurrentLanguage() {
        assertEquals(List.of("invalid-field", "phone", "手机号无效"), run("api.js",
                "const e = new m.ApiError(400, {error: 'invalid-field', field: 'phone', message: '手机号无效 / bad phone'});"
                        + "return [e.code, e.field, e.text];"));
        assertEquals("无法连接服务器，请检查网络后重试", run("api.js", "return new m.ApiError(0, null).text;"));
    }
}
