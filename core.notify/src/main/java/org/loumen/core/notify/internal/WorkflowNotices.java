package org.loumen.core.notify.internal;

import java.util.List;

import org.loumen.core.model.OrganisationService;
import org.loumen.core.workflow.events.WorkflowTopics;
import org.loumen.notify.Audience;
import org.loumen.notify.Notice;
import org.loumen.notify.Notifier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the workflow's events into notices: a MAJOR report escalated, a report resolved (to its reporter), a leader
 * not reappointed. Event Admin delivers posted events on its own thread, after the request's answer.
 */
@Component(property = { EventConstants.EVENT_TOPIC + "=" + WorkflowTopics.REPORT_ESCALATED,
        EventConstants.EVENT_TOPIC + "=" + WorkflowTopics.REPORT_RESOLVED,
        EventConstants.EVENT_TOPIC + "=" + WorkflowTopics.LEADER_NOT_REAPPOINTED },
        configurationPid = NotifyConfig.PID)
public final class WorkflowNotices implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(WorkflowNotices.class);

    private final Notifier notifier;
    private final Texts texts;
    private volatile NotifyConfig config;

    @Activate
    public WorkflowNotices(@Reference Notifier notifier, @Reference OrganisationService organisation,
            NotifyConfig config) {
        this.notifier = notifier;
        this.texts = new Texts(organisation);
        this.config = config;
    }

    @Modified
    void modified(NotifyConfig c) {
        this.config = c;
    }

    @Override
    public void handleEvent(Event e) {
        try {
            switch (e.getTopic()) {
                case WorkflowTopics.REPORT_ESCALATED -> major(e);
                case WorkflowTopics.LEADER_NOT_REAPPOINTED -> notReappointed(e);
                default -> resolved(e);
            }
        } catch (RuntimeException ex) {
            LOG.warn("Notice for {} not published: {}", e.getTopic(), ex.toString());
        }
    }

    private void major(Event e) {
        long report = ((Number) e.getProperty(WorkflowTopics.PROP_REPORT)).longValue();
        String community = (String) e.getProperty(WorkflowTopics.PROP_COMMUNITY);
        String place = e.getProperty(WorkflowTopics.PROP_PLACE) instanceof String p ? p : community;
        String where = texts.community(community);
        notifier.publish(new Notice("report-major:" + report, "report.major", place,
                "重大问题上报：问题 #" + report + " / Major problem reported: report #" + report,
                where + " 上报了一件重大问题（" + texts.duty(e.getProperty(WorkflowTopics.PROP_DUTY)) + "），请立即处理。"
                        + " / A major problem was reported in " + where + "; please act at once.",
                "/reports/" + report), new Audience(Rules.bindings(rules(config.majorReport(), "COMMUNITY_SECRETARY@community,STREET_ADMIN@street"), community),
                List.of(), List.of()));
    }

    private void resolved(Event e) {
        if (!config.reportResolvedToReporter() || !(e.getProperty(WorkflowTopics.PROP_REPORTER) instanceof String r)) {
            return; // a resident follows their report by its number on the public status page
        }
        long report = ((Number) e.getProperty(WorkflowTopics.PROP_REPORT)).longValue();
        String community = (String) e.getProperty(WorkflowTopics.PROP_COMMUNITY);
        notifier.publish(new Notice("report-resolved:" + report + ":" + System.currentTimeMillis() / 60_000,
                "report.resolved", community, "您反映的问题已办结：#" + report + " / Your report #" + report
                        + " was resolved",
                "请查看办理结果并确认或退回。 / Please check the result, then confirm it or send it back.",
                "/reports/" + report), Audience.users(r));
    }

    private void notReappointed(Event e) {
        long leader = ((Number) e.getProperty(WorkflowTopics.PROP_LEADER)).longValue();
        String community = (String) e.getProperty(WorkflowTopics.PROP_COMMUNITY);
        if (community == null) {
            return;
        }
        Object pct = e.getProperty(WorkflowTopics.PROP_SATISFACTION_PERCENT);
        String where = texts.community(community);
        notifier.publish(new Notice("leader-not-reappointed:" + leader + ":" + e.getProperty(
                WorkflowTopics.PROP_EVALUATION), "leader.notReappointed", community,
                "楼门栋长不再选任 / Leader not reappointed",
                where + " 一名楼门栋长（编号 " + leader + "）评议满意率 " + pct + "%，不再选任，请安排补选。 / A leader of "
                        + where + " (no. " + leader + ") was rated " + pct + "% and is not reappointed; "
                        + "please arrange a successor.",
                "/leaders/" + leader), new Audience(Rules.bindings(rules(config.leaderNotReappointed(), "STREET_ADMIN@street"), community),
                List.of(), List.of()));
    }

    /** The configured rules, or the default when they do not parse (named in /health by NotifyHealth). */
    static List<Rules.Rule> rules(String text, String fallback) {
        try {
            return Rules.parse(text);
        } catch (IllegalArgumentException e) {
            return Rules.parse(fallback);
        }
    }
}
