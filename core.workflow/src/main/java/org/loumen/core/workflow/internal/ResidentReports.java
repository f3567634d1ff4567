package org.loumen.core.workflow.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.aries.jpa.template.JpaTemplate;
import org.loumen.core.model.Duty;
import org.loumen.core.model.OrganisationService;
import org.loumen.core.workflow.internal.ReportFlow.Status;
import org.loumen.core.workflow.internal.ReportFlow.Urgency;
import org.loumen.throttle.Throttles;
import org.loumen.domain.Refusal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Reports from residents (居民随手报) through the unit's public page: filed without an account, followed by an
 * unguessable number, throttled per client address and per unit. They join the community's normal report loop.
 */
@Component(service = ResidentReports.class, configurationPid = ResidentReports.PID)
@Designate(ocd = ResidentReports.Config.class)
public final class ResidentReports {

    static final String PID = "org.loumen.reports.residents";
    static final int MAX_DESCRIPTION = 500;

    @ObjectClassDefinition(id = PID, name = "Loumen 居民随手报 / reports from residents",
            description = "居民提交问题的频率限制 / how often residents may file reports")
    public @interface Config {
        @AttributeDefinition(name = "每个客户端地址的上限 / reports per client address", min = "1", max = "10000")
        int clientLimit() default 5;

        @AttributeDefinition(name = "客户端时间窗（分钟） / client window (minutes)", min = "1", max = "10080")
        int clientWindowMinutes() default 60;

        @AttributeDefinition(name = "每个楼门的上限 / reports per unit", min = "1", max = "100000")
        int unitLimit() default 30;

        @AttributeDefinition(name = "楼门时间窗（小时） / unit window (hours)", min = "1", max = "720")
        int unitWindowHours() default 24;

        @AttributeDefinition(name = "查询编号：免等待的无效次数 / unknown numbers a client may look up before it must "
                + "wait", min = "1", max = "1000")
        int lookupFreeFailures() default 10;

        @AttributeDefinition(name = "查询编号：最长等待（秒） / longest wait after unknown numbers (seconds)", min = "1",
                max = "3600")
        int lookupMaxDelaySeconds() default 60;
    }

    /** What a resident is told after filing. */
    record Filed(String number, Status status, String statusLabel) {
    }

    /** One move as the public sees it: no actor, no note. */
    record PublicStep(String status, String statusLabel, Instant at) {
    }

    /** The public status page of a report: places and moves, no names, no phone. */
    record PublicStatus(String number, String unitLabel, String buildingLabel, String communityName, String status,
            String statusLabel, Instant filedAt, List<PublicStep> steps, String resolution) {
    }

    private final JpaTemplate jpa;
    private final ReportService reports;
    private final OrganisationService organisation;
    private final Clock clock = Clock.systemUTC();
    private final Throttles throttle;
    private volatile Config config;
    private volatile Throttles.Backoff lookups;

    @Activate
    public ResidentReports(@Reference(target = "(osgi.unit.name=loumen.workflow)") JpaTemplate jpa,
            @Reference ReportService reports, @Reference OrganisationService organisation, @Reference Throttles throttles,
            Config config) {
        this.throttle = throttles;
        this.jpa = jpa;
        this.reports = reports;
        this.organisation = organisation;
        configure(config);
    }

    @Modified
    void configure(Config c) {
        config = c;
        lookups = throttle.backoff("report-number", c.lookupFreeFailures(),
                Duration.ofSeconds(c.lookupMaxDelaySeconds()));
        // settings applied (at start or when changed) start the counts afresh, on every node, as they did in memory
        lookups.forgetAll();
    }

    /**
     * Files a resident's report on a unit. Everything is checked before the throttle takes a slot, and nothing is
     * stored when anything is refused.
     */
    Filed file(String unit, String description, String phone, String duty, String client) throws Refusal {
        Places place = unit(unit);
        String text = description == null ? "" : description.strip();
        if (text.isEmpty() || text.codePointCount(0, text.length()) > MAX_DESCRIPTION) {
            throw Refusal.invalidField("description", "问题描述须为 1 至 " + MAX_DESCRIPTION + " 个字 / description "
                    + "must be 1-" + MAX_DESCRIPTION + " characters");
        }
        String mobile = phone == null || phone.isBlank() ? null : phone.strip();
        if (mobile != null && !mobile.matches("1[3-9]\\d{9}")) {
            throw Refusal.invalidField("phone", "请填写 11 位手机号码，或留空 / phone must be an 11-digit mobile "
                    + "number, or left empty");
        }
        Duty category = Duty.OPINION_INFORMANT;
        if (duty != null && !duty.isBlank()) {
            try {
                category = Duty.valueOf(duty.strip());
            } catch (IllegalArgumentException e) {
                throw Refusal.invalidField("duty", "未知的问题类别 / unknown duty");
            }
        }
        Config c = config;
        Throttles.Limit[] limits = { new Throttles.Limit("reports:client:" + client, c.clientLimit(),
                Duration.ofMinutes(c.clientWindowMinutes())), new Throttles.Limit("reports:unit:" + unit,
                        c.unitLimit(), Duration.ofHours(c.unitWindowHours())) };
        long wait = throttle.acquire(limits);
        if (wait > 0) {
            long seconds = (wait + 999) / 1000;
            long minutes = (seconds + 59) / 60;
            throw new Refusal(Refusal.Kind.TOO_MANY, "too-many-requests", "提交过于频繁，请 " + minutes + " 分钟后再试 / too many "
                    + "reports; try again in " + minutes + " min").with("retryAfterSeconds", seconds)
                    .retryAfter(seconds);
        }
        Duty d = category;
        try {
            ReportService.View v = store(place, d, text, mobile);
            reports.filed(v);
            return new Filed(v.number(), v.status(), v.statusLabel());
        } catch (RuntimeException e) {
            throw released(e, limits);
        }
    }

    private RuntimeException released(RuntimeException e, Throttles.Limit[] limits) {
        throttle.release(limits);
        return e;
    }

    private ReportService.View store(Places place, Duty duty, String text, String phone) {
        long now = clock.millis();
        long due = reports.dueAt(now, Urgency.NORMAL);
        return jpa.txExpr(em -> {
            String number;
            do {
                number = BallotCodes.generate();
            } while (!em.createQuery("select r.id from ReportEntity r where r.number = :n", Long.class)
                    .setParameter("n", number).getResultList().isEmpty());
            ReportEntity r = new ReportEntity();
            r.community = place.community();
            r.place = place.code();
            r.duty = duty.name();
            r.urgency = Urgency.NORMAL.name();
            r.description = text;
            r.status = Status.REPORTED.name();
            r.reporter = ReportService.RESIDENT;
            r.reporterKind = ReportService.ReporterKind.RESIDENT.name();
            r.residentPhone = phone;
            r.number = number;
            r.createdAt = now;
            r.updatedAt = now;
            r.dueAt = due;
            em.persist(r);
            em.persist(ReportService.step(r, null, Status.REPORTED, ReportService.RESIDENT, null, now));
            return ReportService.view(r, now, 0);
        });
    }

    /** The unit a public route names: 400 when malformed, 404 when unknown. */
    Places unit(String code) throws Refusal {
        if (code == null || !code.matches(Places.UNIT_CODE)) {
            throw Refusal.invalidField("unit", "楼门代码格式不正确 / unit must be a unit code");
        }
        return Places.of(organisation, code).orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND, "not-found",
                "未找到此楼门，请核对二维码 / no such unit", "unit"));
    }

    /** The public status of a report by its number; unknown numbers count against the client like ballot codes. */
    PublicStatus status(String typed, String client) throws Refusal {
        long wait = lookups.waitMillis(client);
        if (wait > 0) {
            long s = (wait + 999) / 1000;
            throw new Refusal(Refusal.Kind.TOO_MANY, "too-many-requests", "查询过于频繁，请 " + s + " 秒后再试 / too many unknown "
                    + "numbers; try again in " + s + " s").with("retryAfterSeconds", s).retryAfter(s);
        }
        String number = BallotCodes.normalise(typed);
        Optional<ReportEntity> found = number == null ? Optional.empty() : jpa.txExpr(em -> em.createQuery(
                "select r from ReportEntity r where r.number = :n", ReportEntity.class).setParameter("n", number)
                .getResultList().stream().findFirst());
        if (found.isEmpty()) {
            lookups.failed(client);
            throw new Refusal(Refusal.Kind.NOT_FOUND, "not-found", "未找到此编号，请核对 / no such report number", "number");
        }
        ReportEntity r = found.get();
        List<PublicStep> steps = jpa.txExpr(em -> em.createQuery("select s from ReportStepEntity s where s.report = :r "
                + "order by s.id", ReportStepEntity.class).setParameter("r", r.id).getResultList().stream()
                .map(s -> new PublicStep(publicStatus(Status.valueOf(s.to)), publicLabel(Status.valueOf(s.to)),
                        Instant.ofEpochMilli(s.at))).toList());
        Optional<Places> place = Places.of(organisation, r.place);
        Status status = Status.valueOf(r.status);
        return new PublicStatus(BallotCodes.format(r.number), place.map(Places::unitLabel).orElse(null),
                place.map(Places::buildingLabel).orElse(null), place.map(Places::communityName).orElse(null),
                publicStatus(status), publicLabel(status), Instant.ofEpochMilli(r.createdAt), steps,
                status == Status.SPAM ? null : r.resolution);
    }

    /** A report marked as spam is shown to the public as closed, nothing more. */
    static String publicStatus(Status s) {
        return s == Status.SPAM ? "CLOSED" : s.name();
    }

    static String publicLabel(Status s) {
        return s == Status.SPAM ? "已关闭" : s.zh();
    }
}
