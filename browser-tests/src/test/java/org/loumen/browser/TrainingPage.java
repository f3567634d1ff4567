package org.loumen.browser;

import java.util.List;

import org.openqa.selenium.By;

/** 入职培训: the batches page and one batch's page (enrolment, attendance, assessment, certification, print). */
class TrainingPage extends WorkPage {

    TrainingPage(Browser browser, Platform platform) {
        super(browser, platform);
    }

    TrainingPage openList() {
        go("/training");
        b.wait.until(d -> d.getCurrentUrl().matches(".*#/training(\\?.*)?$"));
        b.find(id("training-figures"));
        return this;
    }

    String figure(String key) {
        b.wait.until(d -> !d.findElement(id("fig-" + key)).getText().equals("—"));
        return textOf("fig-" + key);
    }

    /** Creates a batch from the form; lands on its page and answers its id. */
    long createBatch(String title, String from, String to, String place, String trainers, String curriculum) {
        click("batch-new");
        type("batch-title", title);
        type("batch-place", place);
        Forms.setValue(b.driver, el("batch-startsOn"), from);
        Forms.setValue(b.driver, el("batch-endsOn"), to);
        type("batch-trainers", trainers);
        type("batch-curriculum", curriculum);
        click("batch-submit");
        b.wait.until(d -> d.getCurrentUrl().matches(".*#/training/\\d+$"));
        b.find(id("batch-info"));
        return Long.parseLong(b.driver.getCurrentUrl().replaceAll(".*/", ""));
    }

    TrainingPage openBatch(long id) {
        open("/training/" + id);
        b.find(id("batch-info"));
        return this;
    }

    TrainingPage enrol(List<Long> leaders) {
        for (long l : leaders) {
            click("cand-" + l);
        }
        click("enrol-submit");
        b.wait.until(d -> rows("roster").size() == leaders.size() && rows("roster").get(0).contains("待考核"));
        return this;
    }

    TrainingPage present(List<Long> leaders) {
        b.find(id("att-" + leaders.get(0)));
        for (long l : leaders) {
            if (!el("att-" + l).isSelected()) {
                click("att-" + l);
            }
        }
        click("att-save");
        b.wait.until(d -> rows("roster").stream().allMatch(r -> r.contains("1/")));
        return this;
    }

    TrainingPage assess(long leader, String result, String note) {
        choose("assess-leader", Long.toString(leader));
        choose("assess-result", result);
        if (note != null) {
            type("assess-note", note);
        }
        click("assess-submit");
        b.wait.until(d -> !d.findElement(id("result-" + leader)).getText().contains("待考核"));
        return this;
    }

    /** The error the assessment form shows under a field, if any. */
    String assessError() {
        return Forms.errorUnder(el("assess-form"));
    }

    /** Certifies with the work ID left empty (made by the pattern); answers the work ID shown. */
    String certify(long leader) {
        choose("certify-leader", Long.toString(leader));
        click("certify-submit");
        return b.find(id("workid-" + leader)).getText();
    }

    /** Brings the element to the top of the window (for a screenshot of it). */
    TrainingPage scrollTo(String testid) {
        ((org.openqa.selenium.JavascriptExecutor) b.driver).executeScript(
                "arguments[0].scrollIntoView({block: 'start', behavior: 'instant'}); window.scrollBy(0, -70);",
                el(testid));
        return this;
    }

    String result(long leader) {
        return textOf("result-" + leader);
    }

    List<String> roster() {
        return rows("roster");
    }

    String counts() {
        return textOf("batch-counts");
    }

    /** Opens the printable roster and waits until it is ready; answers its text. */
    String printPreview() {
        click("print-roster");
        b.wait.until(d -> !d.findElements(By.cssSelector("[data-testid=sheets][data-ready=true]")).isEmpty());
        return textOf("training-sheet");
    }

    /** Edits the batch's place from its page (修改培训班); waits until the page shows it. */
    TrainingPage editPlace(String place) {
        click("batch-edit");
        type("batch-place", place);
        click("batch-submit");
        waitText("batch-info", place);
        return this;
    }

    /** Withdraws one trainee (退训) with a reason, confirming; answers the confirmation's words. */
    String withdraw(long leader, String reason) {
        int before = roster().size();
        choose("withdraw-leader", Long.toString(leader));
        type("withdraw-reason", reason);
        click("withdraw-submit");
        String said = confirm();
        b.wait.until(d -> roster().size() == before - 1);
        return said;
    }

    /** Cancels the batch with a reason, confirming; answers the confirmation's words. */
    String cancelBatch(String reason) {
        type("cancel-reason", reason);
        click("cancel-submit");
        String said = confirm();
        waitText("batch-cancelled", "已取消");
        return said;
    }
}
