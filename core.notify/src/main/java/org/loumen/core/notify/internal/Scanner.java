package org.loumen.core.notify.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.aries.jpa.template.JpaTemplate;
import org.loumen.core.model.OrganisationService;
import org.loumen.core.model.LeaderService;
import org.loumen.core.model.ChinaTime;
import org.loumen.core.workflow.CareDue;
import org.loumen.core.workflow.MissedMeeting;
import org.loumen.core.workflow.ReportFact;
import org.loumen.core.workflow.WorkflowFacts;
import org.loumen.lease.Leases;
import org.loumen.notify.Audience;
import org.loumen.notify.Notice;
import org.loumen.web.HealthCheck;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scheduled scans for what becomes due by the clock: open reports past their due time, care visits past their day,
 * weekly and month-end meetings a community did not hold, communities without a closed evaluation as the half-year
 * ends, programmes listed FAILED.
 * Every {@code scanIntervalSeconds} (a {@link PeriodicTask}), on the one node holding the lease {@code notify.scan}
 * ({@link HeldLease}: renewed while a long scan runs, and the scan stops if it was lost). Each condition has its own
 * notice key (a report overdue since its due time; a meeting missed in a given week; a programme's failure and its
 * reason), so a scan that finds it again — after another scan or a restart — publishes nothing; new notices are
 * written {@code scanBatch} to a transaction; the last run is kept in {@code NTF_SCAN}.
 */
@Component(service = Scanner.class, configurationPid = NotifyConfig.PID, immediate = true)
public final class Scanner {

    private static final Logger LOG = LoggerFactory.getLogger(Scanner.class);
    static final String LEASE = "notify.scan";
    private static final String DISTRICT = "120112";
    private static final int PAGE = 2000;

    /** The outcome of one scan; {@code complete} false when it stopped because the lease was lost. */
    record Result(boolean ran, long rowsTouched, long notices, long millis, String holder, boolean complete) {
    }

    /** The lease was lost during the scan: another node may run it now, so this one stops. */
    private static final class LeaseLost extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LeaseLost() {
            super("scan lease lost", null, false, false);
        }
    }

    /** One scan's counts and its pending batch of notices. */
    private final class Run {
        final HeldLease lease;
        final int batchSize;
        final List<NotifierService.Publication> batch = new ArrayList<>();
        /** Community names looked up once a scan (100,000 overdue reports lie in a few hundred communities). */
        final java.util.Map<String, String> names = new java.util.HashMap<>();
        /** A unit's leaders in service, looked up once a scan (a unit has many households due a visit). */
        final java.util.Map<String, List<Long>> leaders = new java.util.HashMap<>();
        long rows;
        long notices;

        Run(HeldLease lease, int batchSize) {
            this.lease = lease;
            this.batchSize = Math.max(1, batchSize);
        }

        String community(String code) {
            return names.computeIfAbsent(code, texts::community);
        }

        void row() {
            rows++;
        }

        void add(Notice n, Audience a) {
            batch.add(new NotifierService.Publication(n, a));
            if (batch.size() >= batchSize) {
                flush();
            }
        }

        void flush() {
            if (!lease.held()) {
                throw new LeaseLost();
            }
            if (!batch.isEmpty()) {
                notices += notifier.publishAll(List.copyOf(batch), true).notices();
                batch.clear();
            }
        }
    }

    private final JpaTemplate jpa;
    private final WorkflowFacts facts;
    private final NotifierService notifier;
    private final Leases leases;
    private final Texts texts;
    private final LeaderService organisationLeaders;
    private final Clock clock = Clock.systemUTC();
    private final PeriodicTask task = new PeriodicTask("loumen-notify-scan", this::scan);
    private volatile NotifyConfig config;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<HealthCheck> healthChecks;

    @Activate
    public Scanner(@Reference(target = "(osgi.unit.name=loumen.notify)") JpaTemplate jpa,
            @Reference WorkflowFacts facts, @Reference NotifierService notifier, @Reference Leases leases,
            @Reference OrganisationService organisation, @Reference LeaderService leaderService, NotifyConfig config) {
        this.organisationLeaders = leaderService;
        this.jpa = jpa;
        this.facts = facts;
        this.notifier = notifier;
        this.leases = leases;
        this.texts = new Texts(organisation);
        this.config = config;
        schedule();
    }

    @Modified
    void modified(NotifyConfig c) {
        this.config = c;
        schedule();
    }

    private void schedule() {
        // the first one interval after a start: it finds whatever the last one left
        task.every(Duration.ofSeconds(Math.max(10, config.scanIntervalSeconds())));
    }

    @Deactivate
    void deactivate() {
        task.close();
        // a node that stops gives the scan to the others at once (a crashed one holds it until it expires)
        leases.release(LEASE);
    }

    /** Runs every scan now if this node gets the lease; one scan at a time per node. */
    synchronized Result scan() {
        NotifyConfig cfg = config;
        Duration ttl = Duration.ofSeconds(Math.max(60, cfg.scanIntervalSeconds() * 2L));
        long start = System.nanoTime();
        try (HeldLease lease = HeldLease.take(leases, LEASE, ttl)) {
            if (lease == null) {
                return new Result(false, 0, 0, 0, leases.holder(LEASE).orElse(null), false);
            }
            Run run = new Run(lease, cfg.scanBatch());
            boolean complete = true;
            try {
                overdueReports(run, cfg);
                overdueCare(run, cfg);
                missedMeetings(run, cfg);
                evaluationsDue(run, cfg);
                failedProgrammes(run, cfg);
                run.flush();
            } catch (LeaseLost e) {
                complete = false;
                LOG.warn("Notification scan stopped: this node lost the lease {} ({} rows so far)", LEASE, run.rows);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (complete) {
                record(run.rows, run.notices, millis);
            }
            return new Result(true, run.rows, run.notices, millis, leases.self(), complete);
        }
    }

    private void overdueReports(Run run, NotifyConfig cfg) {
        Instant now = clock.instant();
        List<Rules.Rule> rules = WorkflowNotices.rules(cfg.reportOverdue(), "COMMUNITY_SECRETARY@community");
        long after = 0;
        while (true) {
            List<ReportFact> page = facts.overdueReports(Set.of(DISTRICT), now, after, PAGE);
            Set<String> seen = noticed(page.stream().map(Scanner::overdueKey).toList());
            for (ReportFact r : page) {
                run.row();
                String key = overdueKey(r);
                if (seen.contains(key)) {
                    continue;
                }
                String where = run.community(r.community());
                run.add(new Notice(key, "report.overdue", r.place() == null ? r.community()
                        : r.place(), "问题超时未办结：#" + r.id() + " / Report #" + r.id() + " is overdue",
                        where + " 的问题 #" + r.id() + "（" + texts.urgency(r.urgency()) + "，" + texts.status(r.status())
                                + "）已超过办结时限，请尽快处理。 / Report #" + r.id() + " in " + where
                                + " is past its due time; please act.",
                        "/reports/" + r.id()), new Audience(Rules.bindings(rules, r.community()), List.of(),
                                List.of()));
            }
            run.flush(); // also where a lost lease stops the scan
            if (page.size() < PAGE) {
                break;
            }
            after = page.get(page.size() - 1).id();
        }
    }

    private void overdueCare(Run run, NotifyConfig cfg) {
        List<Rules.Rule> rules = WorkflowNotices.rules(cfg.careOverdue(), "COMMUNITY_SECRETARY@community");
        List<CareDue> due = facts.overdueCare(Set.of(DISTRICT));
        Set<String> seen = noticed(due.stream().map(Scanner::careKey).toList());
        LocalDate today = ChinaTime.today();
        for (CareDue d : due) {
            run.row();
            String key = careKey(d);
            if (seen.contains(key)) {
                continue;
            }
            List<Long> leaders = cfg.careOverdueToUnitLeaders() ? run.leaders.computeIfAbsent(d.unit(),
                    unit -> servingLeaders(unit, today)) : List.of();
            String community = d.unit().substring(0, Math.min(12, d.unit().length()));
            String where = run.community(community);
            // the household by number only: its name and tags stay in the platform
            run.add(new Notice(key, "care.overdue", d.unit(),
                    "关怀走访逾期：住户 #" + d.household() + " / Care visit overdue: household #" + d.household(),
                    where + " 楼门 " + d.unit() + " 的一户关怀对象应于 " + d.nextDue() + " 前走访，尚未走访。 / A household in "
                            + "unit " + d.unit() + " of " + where + " was due a visit by " + d.nextDue() + ".",
                    "/care?unit=" + d.unit()), new Audience(Rules.bindings(rules, community), leaders, List.of()));
        }
    }

    private List<Long> servingLeaders(String unit, LocalDate today) {
        try {
            return organisationLeaders.serving(unit, today).stream().map(l -> l.id()).toList();
        } catch (RuntimeException e) {
            LOG.debug("Leaders of {} not found: {}", unit, e.toString());
            return List.of();
        }
    }

    static String careKey(CareDue d) {
        return "care-overdue:" + d.household() + ":" + d.nextDue();
    }

    private void missedMeetings(Run run, NotifyConfig cfg) {
        List<Rules.Rule> rules = WorkflowNotices.rules(cfg.meetingMissed(),
                "COMMUNITY_SECRETARY@community,STREET_ADMIN@street");
        List<MissedMeeting> missed = facts.missedMeetings(Set.of(DISTRICT), ChinaTime.today());
        Set<String> seen = noticed(missed.stream().map(Scanner::meetingKey).toList());
        for (MissedMeeting m : missed) {
            run.row();
            String key = meetingKey(m);
            if (seen.contains(key)) {
                continue;
            }
            String where = run.community(m.community());
            boolean weekly = "WEEKLY".equals(m.kind());
            String zh = weekly ? "每周沟通会" : "月底例会";
            String en = weekly ? "weekly liaison meeting" : "month-end meeting";
            run.add(new Notice(key, "meeting.missed", m.community(),
                    "例会未开：" + where + " / Meeting missed: " + where,
                    where + " 在 " + m.from() + " 至 " + m.to() + " 期间未召开" + zh + "，请督促补开并登记。 / " + where
                            + " held no " + en + " from " + m.from() + " to " + m.to() + "; please see that it is held "
                            + "and recorded.",
                    "/meetings?community=" + m.community()),
                    new Audience(Rules.bindings(rules, m.community()), List.of(), List.of()));
        }
        run.flush();
    }

    static String meetingKey(MissedMeeting m) {
        return "meeting-missed:" + m.community() + ":" + m.kind() + ":" + m.from();
    }

    /** The half-year {@code today} lies in ({@code 2026-H2}) and its last day. */
    record HalfYear(String period, LocalDate end) {
        static HalfYear of(LocalDate today) {
            boolean first = today.getMonthValue() <= 6;
            return new HalfYear(today.getYear() + (first ? "-H1" : "-H2"),
                    first ? LocalDate.of(today.getYear(), 6, 30) : LocalDate.of(today.getYear(), 12, 31));
        }
    }

    private void evaluationsDue(Run run, NotifyConfig cfg) {
        LocalDate today = ChinaTime.today();
        HalfYear h = HalfYear.of(today);
        long daysLeft = java.time.temporal.ChronoUnit.DAYS.between(today, h.end());
        if (daysLeft > cfg.evaluationDueDays()) {
            return;
        }
        List<Rules.Rule> rules = WorkflowNotices.rules(cfg.evaluationDue(), "COMMUNITY_SECRETARY@community");
        List<String> without = facts.withoutClosedEvaluation(Set.of(DISTRICT), h.period());
        Set<String> seen = noticed(without.stream().map(c -> evaluationKey(c, h.period())).toList());
        String label = h.period().substring(0, 4) + (h.period().endsWith("H1") ? "年上半年" : "年下半年");
        for (String c : without) {
            run.row();
            String key = evaluationKey(c, h.period());
            if (seen.contains(key)) {
                continue;
            }
            String where = run.community(c);
            run.add(new Notice(key, "evaluation.due", c,
                    "半年评议待完成：" + where + " / Half-year evaluation due: " + where,
                    where + " 尚未完成" + label + "楼门栋长评议，距半年结束（" + h.end() + "）还有 " + daysLeft
                            + " 天。 / " + where + " has not closed its evaluation of leaders for " + h.period()
                            + "; the half-year ends on " + h.end() + " (" + daysLeft + " days).",
                    "/evaluations?community=" + c),
                    new Audience(Rules.bindings(rules, c), List.of(), List.of()));
        }
        run.flush();
    }

    static String evaluationKey(String community, String period) {
        return "evaluation-due:" + community + ":" + period;
    }

    private void failedProgrammes(Run run, NotifyConfig cfg) {
        List<HealthCheck> checks = healthChecks;
        if (checks == null) {
            return;
        }
        List<Rules.Rule> rules = WorkflowNotices.rules(cfg.programmeFailed(), "DISTRICT_ADMIN@district");
        for (HealthCheck h : checks) {
            List<HealthCheck.Problem> problems;
            try {
                problems = h.problems();
            } catch (RuntimeException e) {
                continue;
            }
            for (HealthCheck.Problem p : problems) {
                if (!"FAILED".equals(p.state()) || p.component() == null || !p.component().startsWith("programme")) {
                    continue;
                }
                run.row();
                String key = "programme-failed:" + p.bundle() + ":" + Integer.toHexString(
                        (p.component() + "|" + p.reason()).hashCode());
                if (noticed(key)) {
                    continue;
                }
                run.add(new Notice(key, "programme.failed", DISTRICT,
                        "特色项目部署失败：" + p.component() + " / Programme failed: " + p.component(),
                        DeliveryWorker.shorten("项目包 " + p.bundle() + " 部署后失败：" + p.reason()
                                + " / The programme bundle " + p.bundle() + " failed after deployment."),
                        "/programmes"), new Audience(Rules.bindings(rules, DISTRICT), List.of(), List.of()));
            }
        }
    }

    static String overdueKey(ReportFact r) {
        return "report-overdue:" + r.id() + ":" + r.dueAt().toEpochMilli();
    }

    /** Which of the keys were published before ({@link NoticeKeys}). */
    private Set<String> noticed(List<String> keys) {
        return jpa.txExpr(em -> NoticeKeys.existing(em, keys));
    }

    private boolean noticed(String key) {
        return jpa.txExpr(em -> em.find(NoticeEntity.class, key) != null);
    }

    private void record(long rows, long notices, long millis) {
        long now = clock.millis();
        jpa.tx(em -> {
            ScanEntity s = em.find(ScanEntity.class, "notify.scan");
            if (s == null) {
                s = new ScanEntity();
                s.name = "notify.scan";
                em.persist(s);
            }
            s.lastRunAt = now;
            s.lastHolder = leases.self();
            s.rowsTouched = rows;
            s.notices = notices;
            s.durationMs = millis;
        });
    }

    /** The last run as stored, or {@code null}. */
    ScanEntity lastRun() {
        return jpa.txExpr(em -> em.find(ScanEntity.class, "notify.scan"));
    }
}
