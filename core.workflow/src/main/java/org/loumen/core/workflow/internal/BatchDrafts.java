package org.loumen.core.workflow.internal;

import java.util.ArrayList;
import java.util.List;

import org.loumen.domain.InputRules;
import org.loumen.domain.Refusal;

/** What a training batch's draft must hold (培训班信息), checked and tidied before it is stored. */
final class BatchDrafts {

    private BatchDrafts() {
    }

    /** The draft checked and tidied, or the refusal naming the field. */
    static TrainingBatches.BatchDraft checked(TrainingBatches.BatchDraft d) throws Refusal {
        if (d == null) {
            throw Refusal.invalidField("title", "请填写培训班 / the batch is required");
        }
        String title = InputRules.text("title", d.title(), false);
        if (title == null || title.isBlank() || title.length() > 100) {
            throw Refusal.invalidField("title", "请填写培训班名称（1-100 字） / title is required (1-100)");
        }
        if (d.startsOn() == null || InputRules.dateProblem(d.startsOn()) != null) {
            throw Refusal.invalidField("startsOn", "请填写开班日期 / startsOn is required");
        }
        if (d.endsOn() == null || d.endsOn().isBefore(d.startsOn()) || d.endsOn().isAfter(d.startsOn().plusDays(30))) {
            throw Refusal.invalidField("endsOn", "结业日期须在开班日期当天或之后，且不超过 30 天 / endsOn is on or "
                    + "after startsOn, within 30 days");
        }
        String place = InputRules.text("place", d.place(), false);
        if (place == null || place.isBlank() || place.length() > 200) {
            throw Refusal.invalidField("place", "请填写培训地点（1-200 字） / place is required (1-200)");
        }
        List<String> trainers = lines("trainers", d.trainers(), 20, 50, "请填写至少一位授课人 / at least one trainer");
        List<String> curriculum = lines("curriculum", d.curriculum(), 30, 100,
                "请填写至少一项课程 / at least one curriculum item");
        return new TrainingBatches.BatchDraft(title.strip(), d.startsOn(), d.endsOn(), place.strip(), trainers, curriculum);
    }

    private static List<String> lines(String field, List<String> items, int max, int length, String missing)
            throws Refusal {
        List<String> out = new ArrayList<>();
        for (String s : items == null ? List.<String>of() : items) {
            String t = InputRules.text(field, s, false);
            if (t != null && !t.isBlank()) {
                if (t.strip().length() > length) {
                    throw Refusal.invalidField(field, "每项不超过 " + length + " 字 / each item up to " + length
                            + " characters");
                }
                out.add(t.strip());
            }
        }
        if (out.isEmpty()) {
            throw Refusal.invalidField(field, missing);
        }
        if (out.size() > max) {
            throw Refusal.invalidField(field, "最多 " + max + " 项 / at most " + max + " items");
        }
        return out;
    }

    static void fill(TrainingBatchEntity b, TrainingBatches.BatchDraft v) {
        b.title = v.title();
        b.startsOn = v.startsOn();
        b.endsOn = v.endsOn();
        b.place = v.place();
        b.trainers = String.join("\n", v.trainers());
        b.curriculum = String.join("\n", v.curriculum());
    }
}
