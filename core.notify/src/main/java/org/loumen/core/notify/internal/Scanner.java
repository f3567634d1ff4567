package org.loumen.core.notify.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.aries.jpa.template.JpaTemplate;
import org.loumen.core.model.OrganisationService;
import org.loumen.core.model.LeaderService;
import org.loumen.core.workflow.CareDue;
import org.loumen.core.workflow.ReportFact;
import org.loumen.core.workflow.WorkflowFacts;
import org.loumen.lease.Leases;
import org.loumen.notify.Audience;
import org.loumen.notify.Notice;
import org.loumen.notify.Notifier;
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
 * programmes listed FAILED.
 * Every {@code scanIntervalSeconds}, on the one node holding the lease {@code notify.scan}. Each condition has its own
 * notice key (a report overdue since its due time; a programme's failure and its reason), so a scan that finds it again
 * — after another scan or a restart — publishes nothing; the last run is kept in {@code NTF_SCAN}.
 */
@Component(service = Scanner.class, configurationPid = NotifyConfig.PID, immediate = true)
public final class Scanner {

    private static final Logger LOG = LoggerFactory.getLogger(Scanner.class);
    static final String LEASE = "notify.scan";
    private static final String DISTRICT = "120112";
    private static final int PAGE = 2000;

    /** The outcome of one scan. */
    record Result(boolean ran, long rowsTouched, long notices, long millis, String holder) {
    }

    private final JpaTemplate jpa;
    private final WorkflowFacts facts;
    private final Notifier notifier;
    private final Leases leases;
    private final Texts texts;
    private final LeaderService organisationLeaders;
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "loumen-notify-scan");
        t.setDaemon(true);
        return t;
    });
    private volatile NotifyConfig config;
    private ScheduledFuture<?> next;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<HealthCheck> healthChecks;

    @Activate
    public Scanner(@Reference(target = "(osgi.unit.name=loumen.notify)") JpaTemplate jpa,
            @Reference WorkflowFacts facts, @Reference Notifier notifier, @Reference Leases leases,
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
    synchronized void modified(NotifyConfig c) {
        this.config = c;
        schedule();
    }

    private synchronized void schedule() {
        if (next != null) {
            next.cancel(false);
        }
        long s = Math.max(10, config.scanIntervalSeconds());
        next = executor.scheduleWithFixedDelay(() -> {
            try {
                scan();
            } catch (RuntimeException e) {
                LOG.warn("Notification scan failed: {}", e.toString());
            }
        }, s, s, TimeUnit.SECONDS); // the first one interval after a start: it finds whatever the last one left
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
        // a node that stops gives the scan to the others at once (a crashed one holds it until it expires)
        leases.release(LEASE);
    }

    /** Runs every scan now if this node gets the lease; one scan at a time per node. */
    synchronized Result scan() {
        Duration ttl = Duration.ofSeconds(Math.max(60, config.scanIntervalSeconds() * 2L));
        if (!leases.acquire(LEASE, ttl)) {
            return new Result(false, 0, 0, 0, leases.holder(LEASE).orElse(null));
        }
        long start = System.nanoTime();
        long[] counts = new long[2];
        overdueReports(counts);
        overdueCare(counts);
        failedProgrammes(counts);
        long millis = (System.nanoTime() - start) / 1_000_000;
        record(counts[0], counts[1], millis);
        return new Result(true, counts[0], counts[1], millis, leases.self());
    }

    private void overdueReports(long[] counts) {
        Instant now = clock.instant();
        List<Rules.Rule> rules = WorkflowNotices.rules(config.reportOverdue(), "COMMUNITY_SECRETARY@community");
        long after = 0;
        while (true) {
            List<ReportFact> page = facts.overdueReports(Set.of(DISTRICT), now, after, PAGE);
            Set<String> seen = noticed(page.stream().map(Scanner::overdueKey).toList());
            for (ReportFact r : page) {
                counts[0]++;
                String key = overdueKey(r);
                if (seen.contains(key)) {
                    continue;
                }
                String where = texts.community(r.community());
                counts[1] += notifier.publish(new Notice(key, "report.overdue", r.place() == null ? r.community()
                        : r.place(), "问题超时未办结：#" + r.id() + " / Report #" + r.id() + " is overdue",
                        where + " 的问题 #" + r.id() + "（" + texts.urgency(r.urgency()) + "，" + texts.status(r.status())
                                + "）已超过办结时限，请尽快处理。 / Report #" + r.id() + " in " + where
                                + " is past its due time; please act.",
                        "/reports/" + r.id()), new Audience(Rules.bindings(rules, r.community()), List.of(),
                                List.of())) > 0 ? 1 : 0;
            }
            if (page.size() < PAGE) {
                break;
            }
            after = page.get(page.size() - 1).id();
        }
    }

    private void overdueCare(long[] counts) {
        List<Rules.Rule> rules = WorkflowNotices.rules(config.careOverdue(), "COMMUNITY_SECRETARY@community");
        List<CareDue> due = facts.overdueCare(Set.of(DISTRICT));
        Set<String> seen = noticed(due.stream().map(Scanner::careKey).toList());
        LocalDate today = org.loumen.core.model.ChinaTime.today();
        for (CareDue d : due) {
            counts[0]++;
            String key = careKey(d);
            if (seen.contains(key)) {
                continue;
            }
            List<Long> leaders = new ArrayList<>();
            if (config.careOverdueToUnitLeaders()) {
                try {
                    leaders.addAll(organisationLeaders.serving(d.unit(), today).stream().map(l -> l.id()).toList());
                } catch (RuntimeException e) {
                    LOG.debug("Leaders of {} not found: {}", d.unit(), e.toString());
                }
            }
            String community = d.unit().substring(0, Math.min(12, d.unit().length()));
            String where = texts.community(community);
            // the household by number only: its name and tags stay in the platform
            counts[1] += notifier.publish(new Notice(key, "care.overdue", d.unit(),
                    "关怀走访逾期：住户 #" + d.household() + " / Care visit overdue: household #" + d.household(),
                    where + " 楼门 " + d.unit() + " 的一户关怀对象应于 " + d.nextDue() + " 前走访，尚未走访。 / A household in "
                            + "unit " + d.unit() + " of " + where + " was due a visit by " + d.nextDue() + ".",
                    "/care?unit=" + d.unit()), new Audience(Rules.bindings(rules, community), leaders, List.of()))
                    > 0 ? 1 : 0;
        }
    }

    static String careKey(CareDue d) {
        return "care-overdue:" + d.household() + ":" + d.nextDue();
    }

    private void failedProgrammes(long[] counts) {
        List<HealthCheck> checks = healthChecks;
        if (checks == null) {
            return;
        }
        List<Rules.Rule> rules = WorkflowNotices.rules(config.programmeFailed(), "DISTRICT_ADMIN@district");
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
                counts[0]++;
                String key = "programme-failed:" + p.bundle() + ":" + Integer.toHexString(
                        (p.component() + "|" + p.reason()).hashCode());
                if (noticed(key)) {
                    continue;
                }
                counts[1] += notifier.publish(new Notice(key, "programme.failed", DISTRICT,
                        "特色项目部署失败：" + p.component() + " / Programme failed: " + p.component(),
                        DeliveryWorker.shorten("项目包 " + p.bundle() + " 部署后失败：" + p.reason()
                                + " / The programme bundle " + p.bundle() + " failed after deployment."),
                        "/programmes"), new Audience(Rules.bindings(rules, DISTRICT), List.of(), List.of())) > 0
                                ? 1 : 0;
            }
        }
    }

    static String overdueKey(ReportFact r) {
        return "report-overdue:" + r.id() + ":" + r.dueAt().toEpochMilli();
    }

    /** Which of the keys were published before, in one query per 500 keys. */
    private Set<String> noticed(List<String> keys) {
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < keys.size(); i += 500) {
            List<String> part = keys.subList(i, Math.min(keys.size(), i + 500));
            seen.addAll(jpa.txExpr(em -> em.createQuery("select n.key from NoticeEntity n where n.key in :k",
                    String.class).setParameter("k", part).getResultList()));
        }
        return seen;
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
