package org.loumen.core.notify.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of notifications (PID {@code org.loumen.notify}), shared by the notifier, the scans and the worker. */
@ObjectClassDefinition(id = NotifyConfig.PID, name = "Loumen 通知 / notifications",
        description = "谁收到什么、扫描间隔、投递重试 / who hears what, scan interval, delivery retries")
public @interface NotifyConfig {

    String PID = "org.loumen.notify";

    @AttributeDefinition(name = "扫描间隔（秒） / scan interval (seconds)", min = "10", max = "86400")
    int scanIntervalSeconds() default 300;

    @AttributeDefinition(name = "投递间隔（秒） / delivery poll (seconds)", min = "1", max = "3600")
    int deliveryIntervalSeconds() default 5;

    @AttributeDefinition(name = "最多投递次数 / delivery attempts before the dead-letter list", min = "1", max = "50")
    int maxAttempts() default 8;

    @AttributeDefinition(name = "首次重试等待（秒） / first retry after (seconds), doubled each time", min = "1",
            max = "3600")
    int firstRetrySeconds() default 30;

    @AttributeDefinition(name = "最长重试等待（秒） / longest wait between retries (seconds)", min = "1",
            max = "86400")
    int maxRetrySeconds() default 3600;

    @AttributeDefinition(name = "平台地址（通知中的链接） / platform address for links in messages, e.g. "
            + "http://loumen.example.gov.cn")
    String consoleBaseUrl() default "http://localhost:8080";

    @AttributeDefinition(name = "重大问题通知 / a MAJOR report tells (ROLE@level, …)")
    String majorReport() default "COMMUNITY_SECRETARY@community,STREET_ADMIN@street";

    @AttributeDefinition(name = "问题超时通知 / an overdue report tells (ROLE@level, …)")
    String reportOverdue() default "COMMUNITY_SECRETARY@community";

    @AttributeDefinition(name = "关怀走访逾期通知 / an overdue care visit tells (ROLE@level, …)")
    String careOverdue() default "COMMUNITY_SECRETARY@community";

    @AttributeDefinition(name = "关怀走访逾期通知楼门长 / an overdue care visit also tells the unit's leaders")
    boolean careOverdueToUnitLeaders() default true;

    @AttributeDefinition(name = "问题办结通知反映人 / tell a leader or staff reporter when their report is resolved")
    boolean reportResolvedToReporter() default true;

    @AttributeDefinition(name = "不再选任通知 / a leader NOT_REAPPOINTED tells (ROLE@level, …)")
    String leaderNotReappointed() default "STREET_ADMIN@street";

    @AttributeDefinition(name = "项目部署失败通知 / a programme FAILED tells (ROLE@level, …)")
    String programmeFailed() default "DISTRICT_ADMIN@district";

    @AttributeDefinition(name = "例会未开通知 / a missed weekly or month-end meeting tells (ROLE@level, …)")
    String meetingMissed() default "COMMUNITY_SECRETARY@community,STREET_ADMIN@street";

    @AttributeDefinition(name = "半年评议提醒 / no closed evaluation near the half-year's end tells (ROLE@level, …)")
    String evaluationDue() default "COMMUNITY_SECRETARY@community";

    @AttributeDefinition(name = "半年评议提前提醒天数 / remind this many days before the half-year ends", min = "1",
            max = "180")
    int evaluationDueDays() default 14;

    @AttributeDefinition(name = "扫描每批通知数 / notices written per transaction in a scan", min = "1", max = "5000")
    int scanBatch() default 500;
}
