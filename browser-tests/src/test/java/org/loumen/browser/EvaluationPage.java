package org.loumen.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/** One evaluation: its counts, the ballot codes, closing it, the results table and chart. */
class EvaluationPage extends WorkPage {

    EvaluationPage(Browser browser, Platform platform) {
        super(browser, platform);
    }

    EvaluationPage open(long id) {
        super.open("/evaluations/" + id);
        el("evaluation-state");
        return this;
    }

    String state() {
        return textOf("evaluation-state");
    }

    int codesIssued() {
        return Integer.parseInt(textOf("evaluation-codes-issued").replace(",", ""));
    }

    int ballotsCast() {
        return Integer.parseInt(textOf("evaluation-ballots").replace(",", ""));
    }

    /** Presses 刷新票数 and waits until the count shows the number. */
    EvaluationPage refreshUntil(int ballots) {
        click("evaluation-refresh");
        waitText("evaluation-ballots", Integer.toString(ballots));
        return this;
    }

    EvaluationPage downloadCodes() {
        click("evaluation-codes");
        b.waitForText("选票码清单已下载");
        // api.js's saveBlob leaves its unnamed download link in the page for a second
        b.wait.until(d -> d.findElements(By.cssSelector("a[download]")).isEmpty());
        return this;
    }

    /** Presses 结束评议, answers the confirmation's text and confirms it. */
    String close() {
        click("evaluation-close");
        String text = confirm();
        waitText("evaluation-state", "已结束");
        return text;
    }

    /** The results table, one line per leader. */
    List<String> results() {
        settle();
        return rows("results");
    }

    /** The y value of the chart's marked line (the 60% line), read from the drawn chart. */
    Object chartLine() {
        b.wait.until(d -> "true".equals(d.findElement(By.cssSelector("[data-testid=results-chart]"))
                .getAttribute("data-rendered")));
        return ((JavascriptExecutor) b.driver).executeScript(
                "const c = echarts.getInstanceByDom(document.querySelector('[data-testid=results-chart]'));"
                        + "return c.getOption().series[0].markLine.data[0].yAxis;");
    }
}
