package org.loumen.core.notify.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.loumen.web.HealthCheck;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/**
 * Notification problems for {@code /health}: a who-hears-what rule that does not parse (its default is used
 * meanwhile), and a registered channel whose last three or more deliveries failed (unreachable host, refused). Pending deliveries
 * are kept either way.
 */
@Component(service = HealthCheck.class, configurationPid = NotifyConfig.PID)
public final class NotifyHealth implements HealthCheck {

    private static final String BUNDLE = "org.loumen.core.notify";
    static final int FAILURES = 3;

    private final DeliveryWorker worker;
    private final ChannelRegistry channels;
    private volatile NotifyConfig config;

    @Activate
    public NotifyHealth(@Reference DeliveryWorker worker, @Reference ChannelRegistry channels, NotifyConfig config) {
        this.worker = worker;
        this.channels = channels;
        this.config = config;
    }

    @Modified
    void modified(NotifyConfig c) {
        this.config = c;
    }

    @Override
    public List<Problem> problems() {
        List<Problem> out = new ArrayList<>();
        NotifyConfig c = config;
        rule(out, "majorReport", c.majorReport());
        rule(out, "reportOverdue", c.reportOverdue());
        rule(out, "careOverdue", c.careOverdue());
        rule(out, "leaderNotReappointed", c.leaderNotReappointed());
        rule(out, "programmeFailed", c.programmeFailed());
        rule(out, "meetingMissed", c.meetingMissed());
        rule(out, "evaluationDue", c.evaluationDue());
        for (Map.Entry<String, DeliveryWorker.ChannelState> s : worker.channelStates().entrySet()) {
            if (!s.getValue().ok() && s.getValue().consecutiveFailures() >= FAILURES
                    && channels.channel(s.getKey()).isPresent()) {
                out.add(new Problem(BUNDLE, "notification channel " + s.getKey(), "UNREACHABLE",
                        s.getValue().consecutiveFailures() + " 次投递失败，将继续重试 / deliveries failed in a row, "
                                + "retrying: " + s.getValue().lastError()));
            }
        }
        return out;
    }

    private static void rule(List<Problem> out, String name, String text) {
        try {
            Rules.parse(text);
        } catch (IllegalArgumentException e) {
            out.add(new Problem(BUNDLE, "configuration " + NotifyConfig.PID + " " + name, "MISCONFIGURED",
                    e.getMessage() + "（暂用默认规则 / the default rule is used meanwhile）"));
        }
    }
}
