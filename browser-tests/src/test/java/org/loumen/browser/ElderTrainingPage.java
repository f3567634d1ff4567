package org.loumen.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The 老年人智能手机培训 programme's page in the console (plugin.elder-smartphone-training, console/index.js). */
final class ElderTrainingPage extends ConsolePage {

    static final String STREET = "120112103";
    static final String ID = "elder-smartphone-training";

    ElderTrainingPage(Browser b, Platform p) {
        super(b, p);
    }

    /** Opens the page by its address, as a bookmark or a tile would. */
    ElderTrainingPage openPage() {
        open("/p/" + STREET + "/" + ID);
        b.find(By.cssSelector("[data-testid=" + ID + "-page]"));
        return this;
    }

    private WebElement frame() {
        return b.find(By.cssSelector("[data-testid=programme-frame]"));
    }

    /** Waits until the page shows the words. */
    ElderTrainingPage waitInPage(String text) {
        b.wait.until(d -> frame().getText().contains(text));
        return this;
    }

    String text() {
        return frame().getText();
    }

    /** Presses a button as a person would ({@link Browser#click}: once it rests in the middle of the screen). */
    void press(String testid) {
        b.click(By.cssSelector("[data-testid='" + testid + "']"));
    }

    void type(String testid, String text) {
        WebElement e = b.find(By.cssSelector("[data-testid='" + testid + "']"));
        e.sendKeys(Keys.chord(Keys.CONTROL, "a"));
        e.sendKeys(Keys.DELETE);
        e.sendKeys(text);
    }

    /** Opens the course whose title the list shows. */
    ElderTrainingPage openCourse(String title) {
        WebElement item = b.wait.until(d -> d.findElements(By.cssSelector("[data-course]")).stream()
                .filter(e -> e.getText().contains(title)).findFirst().orElse(null));
        press("open-course-" + item.getAttribute("data-course"));
        b.find(By.cssSelector("[data-testid=et-back]"));
        return this;
    }

    /** The ids of the trainees listed with a button of this kind (checklist-, certificate-, withdraw-). */
    List<String> trainees(String button) {
        return b.driver.findElements(By.cssSelector("[data-testid^='" + button + "-']")).stream()
                .map(e -> e.getAttribute("data-testid").substring(button.length() + 1)).distinct().toList();
    }

    /** Takes the roll of the lesson: the trainees ticked present, the others not. */
    ElderTrainingPage takeRoll(String session, List<String> presentIds) {
        press("roll-" + session);
        b.find(By.cssSelector("[data-testid=et-roll]"));
        for (WebElement box : b.driver.findElements(By.cssSelector("[data-testid^='present-']"))) {
            String id = box.getAttribute("data-testid").substring("present-".length());
            if (box.isSelected() != presentIds.contains(id)) {
                b.click(By.cssSelector("[data-testid='present-" + id + "']"));
            }
        }
        return this;
    }

    /** Ticks a skill on the open checklist and waits until it reads 已掌握. */
    ElderTrainingPage tick(String skill) {
        press("skill-" + skill);
        b.wait.until(d -> "true".equals(d.findElement(By.cssSelector("[data-testid='skill-" + skill + "']"))
                .getAttribute("aria-pressed")));
        return this;
    }

    /** Enrols an elder of the household shown at that position of the list. */
    ElderTrainingPage enrol(int household, String name, String birthYear) {
        Select s = new Select(b.find(By.cssSelector("[data-testid=et-household]")));
        b.wait.until(d -> s.getOptions().size() > household);
        s.selectByIndex(household);
        type("et-name", name);
        type("et-birthYear", birthYear);
        press("enrol");
        return this;
    }

    /** Nothing sticks out to the side. */
    long overflow() {
        return ((Number) ((JavascriptExecutor) b.driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;")).longValue();
    }

    Object script(String js) {
        return ((JavascriptExecutor) b.driver).executeScript(js);
    }
}
