package org.loumen.core.workflow.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.loumen.core.db.schema.FirstUse;
import org.loumen.core.workflow.events.WorkflowTopics;
import org.loumen.core.model.ChinaTime;
import org.loumen.core.model.Household;
import org.loumen.core.model.HouseholdService;
import org.loumen.core.model.Leader;
import org.loumen.core.model.LeaderService;
import org.loumen.core.model.LeaderStatus;
import org.loumen.core.model.OrganisationService;
import org.loumen.throttle.Throttles;
import org.loumen.domain.Refusal;
import org.loumen.domain.StoreConflict;
import org.loumen.security.AuditRecord;
import org.loumen.security.AuditTrail;
import org.loumen.web.PlatformStarted;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The semi-annual resident evaluation (半年评议): one ballot code per household, secret ballots, results by the 60% rule.
 *
 * <p>Events (Event Admin, posted after commit): {@code org/loumen/evaluation/OPENED}, {@code org/loumen/evaluation/CLOSED}
 * (properties {@code evaluation}, {@code community}, {@code period}) and {@code org/loumen/leader/NOT_REAPPOINTED}
 * (properties {@code leader}, {@code evaluation}, {@code satisfactionPercent}).
 */
@Component(service = EvaluationService.class, configurationPid = EvaluationService.PID)
@Designate(ocd = EvaluationService.Config.class)
public final class EvaluationService {

    static final String PID = "org.loumen.evaluation";
    static final ZoneId CHINA = ChinaTime.ZONE;
    static final Pattern PERIOD = Pattern.compile("(20\\d\\d)-H[12]");
    static final String TOPIC_OPENED = WorkflowTopics.EVALUATION_OPENED;
    static final String TOPIC_CLOSED = WorkflowTopics.EVALUATION_CLOSED;
    private static final Logger LOG = LoggerFactory.getLogger(EvaluationService.class);

    @ObjectClassDefinition(id = PID, name = "Loumen 半年评议 / resident evaluation")
    public @interface Config {
        @AttributeDefinition(name = "最少有效票数 / fewest ballots that decide", min = "1", max = "1000")
        int minimumBallots() default 5;

        @AttributeDefinition(name = "同一客户端免等待的无效选票码次数 / unknown codes a client may try before it must wait",
                min = "1", max = "1000")
        int codeFreeFailures() default 10;

        @AttributeDefinition(name = "客户端最长等待（秒） / longest wait imposed on a client (seconds)", min = "1",
                max = "3600")
        int codeMaxDelaySeconds() default 60;
    }

    /** One rating on a ballot. */
    record Rating(long leader, String rating) {
    }

    record View(long id, String community, String period, String status, long codes, long ballots) {
    }

    /** An evaluation as a listing shows it. */
    record Listed(long id, String community, String communityName, String period, String status, long codesIssued,
            long ballotsCast, Instant openedAt, Instant closedAt) {
    }

    record Listing(List<Listed> items, long total) {
    }

    /** A half-year evaluation period (评议期) and its days, e.g. 2026-H2: 2026-07-01 to 2026-12-31. */
    record Period(String period, LocalDate startsOn, LocalDate endsOn) {

        /** The period the day lies in: H1 is January to June. */
        static Period of(LocalDate day) {
            boolean first = day.getMonthValue() <= 6;
            LocalDate start = LocalDate.of(day.getYear(), first ? 1 : 7, 1);
            return new Period(day.getYear() + (first ? "-H1" : "-H2"), start, start.plusMonths(6).minusDays(1));
        }
    }

    record Result(long leader, String name, int ballots, int satisfied, int fairlySatisfied, int dissatisfied,
            BigDecimal satisfactionPercent, Satisfaction.Outcome outcome) {
    }

    private final JpaTemplate jpa;
    private final LeaderService leaders;
    private final HouseholdService households;
    private final EventAdmin events;
    private final LifecycleService lifecycle;
    private final OrganisationService organisation;
    private final Clock clock = Clock.systemUTC();
    private final Throttles throttles;
    private volatile Throttles.Backoff backoff;
    private volatile int minimumBallots;
    private final Ballots ballots;
    private final FirstUse totals;

    @Activate
    public EvaluationService(@Reference(target = "(osgi.unit.name=loumen.workflow)") JpaTemplate jpa,
            @Reference LeaderService leaders, @Reference HouseholdService households, @Reference EventAdmin events,
            @Reference LifecycleService lifecycle, @Reference OrganisationService organisation,
            @Reference Throttles throttles, @Reference AuditTrail audit, Config config) {
        this.throttles = throttles;
        this.lifecycle = lifecycle;
        this.organisation = organisation;
        // before this node reads or casts a ballot: evaluations from before the running totals get theirs. At the
        // first use, not here: every transaction of this service and of its ballots passes the gate first.
        this.totals = new FirstUse("评议选票累计补建 / running totals of older evaluations filled in",
                () -> Tallies.backfill(jpa));
        this.jpa = totals.guard(jpa);
        this.leaders = leaders;
        this.households = households;
        this.events = events;
        configure(config);
        this.ballots = new Ballots(this.jpa, audit);
    }

    /** Once the platform has started, the running totals are filled in before the first ballot comes. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void started(PlatformStarted started) {
        totals.passInBackground();
    }

    void unstarted(PlatformStarted started) {
        // nothing to undo
    }

    /** Ballots queued already are still written; later ones are refused. */
    @Deactivate
    void stop() {
        ballots.close();
    }

    @Modified
    void configure(Config c) {
        minimumBallots = c.minimumBallots();
        backoff = throttles.backoff("ballot-code", c.codeFreeFailures(), Duration.ofSeconds(c.codeMaxDelaySeconds()));
        // settings applied (at start or when changed) start the counts afresh, on every node, as they did in memory
        backoff.forgetAll();
    }

    /** The per-client backoff against guessing codes, shared by voting and looking a code up. */
    Throttles.Backoff backoff() {
        return backoff;
    }

    /** Opens the evaluation and issues one code per household of the community. */
    View open(String community, String period, String actor) throws Refusal {
        if (period == null || !PERIOD.matcher(period).matches()) {
            throw Refusal.invalidField("period", "评议期须为 YYYY-H1 或 YYYY-H2 / period must be YYYY-H1 or YYYY-H2");
        }
        List<Household> all = householdsOf(community);
        if (all.isEmpty()) {
            throw Refusal.conflict("no-households", "该社区没有登记住户，无法发放选票码 / the community has no "
                    + "registered households to issue ballot codes to");
        }
        long now = clock.millis();
        View view;
        try {
            view = retrying(() -> jpa.txExpr(em -> {
                boolean exists = !em.createQuery("select e.id from EvaluationEntity e where e.community = :c and "
                        + "e.period = :p", Long.class).setParameter("c", community).setParameter("p", period)
                        .getResultList().isEmpty();
                if (exists) {
                    return null;
                }
                EvaluationEntity e = new EvaluationEntity();
                e.community = community;
                e.period = period;
                e.status = "OPEN";
                e.openedAt = now;
                e.openedBy = actor;
                e.tallied = true;
                em.persist(e);
                Set<String> issued = new HashSet<>();
                for (Household h : all) {
                    BallotCodeEntity c = new BallotCodeEntity();
                    do {
                        c.code = BallotCodes.generate();
                    } while (!issued.add(c.code) || em.find(BallotCodeEntity.class, c.code) != null);
                    c.evaluation = e.id;
                    c.household = h.id();
                    c.unit = h.unit();
                    em.persist(c);
                }
                return new View(e.id, community, period, e.status, all.size(), 0);
            }));
        } catch (RuntimeException e) {
            throw conflictOrRethrow(e, community, period);
        }
        if (view == null) {
            throw duplicate(community, period);
        }
        events.postEvent(new Event(TOPIC_OPENED, Map.of(WorkflowTopics.PROP_EVALUATION, view.id(),
                WorkflowTopics.PROP_COMMUNITY, community, WorkflowTopics.PROP_PERIOD, period)));
        return view;
    }

    /**
     * Runs a transaction again when a parallel one made it fail ({@link StoreConflict}: the period's unique key, a
     * deadlock on the ballot codes); the new attempt sees the committed evaluation and answers 409.
     */
    static <T> T retrying(java.util.function.Supplier<T> transaction) {
        for (int attempt = 1;; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException e) {
                if (attempt >= 10 || StoreConflict.in(e).isEmpty()) {
                    throw e;
                }
                try {
                    Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 5L + 5L * attempt));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Two admins opening the same period at once: the unique constraint lets one through. */
    private static Refusal conflictOrRethrow(RuntimeException e, String community, String period) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains("WF_EVALUATION_PERIOD")) {
                return duplicate(community, period);
            }
        }
        throw e;
    }

    private static Refusal duplicate(String community, String period) {
        return new Refusal(Refusal.Kind.CONFLICT, "evaluation-exists", "该社区本期评议已存在 / an evaluation of " + community
                + " for " + period + " exists already", "period");
    }

    private List<Household> householdsOf(String community) {
        return Pages.all(n -> households.find(Set.of(community), community, null, null, n, Pages.SIZE).items());
    }

    /** The community an evaluation is of: all its scope check needs, without counting codes and ballots. */
    Optional<String> community(long id) {
        return jpa.txExpr(em -> Optional.ofNullable(em.find(EvaluationEntity.class, id)).map(e -> e.community));
    }

    Optional<View> view(long id) {
        return jpa.txExpr(em -> Optional.ofNullable(em.find(EvaluationEntity.class, id)).map(e -> new View(e.id,
                e.community, e.period, e.status,
                em.createQuery("select count(c) from BallotCodeEntity c where c.evaluation = :e", Long.class)
                        .setParameter("e", id).getSingleResult(),
                em.createQuery("select count(c) from BallotCodeEntity c where c.evaluation = :e and c.used = true",
                        Long.class).setParameter("e", id).getSingleResult())));
    }

    /** The period of today, in China time. */
    Period currentPeriod() {
        return Period.of(LocalDate.now(clock.withZone(CHINA)));
    }

    /**
     * Evaluations within scope (of a street or community, of a period if given), newest first, with the codes issued
     * and the ballots cast.
     *
     * @throws Refusal 400 naming {@code period} when it is not {@code YYYY-H1} or {@code YYYY-H2}
     */
    Listing list(Set<String> scopes, String street, String community, String period, int page, int size)
            throws Refusal {
        if (period != null && !PERIOD.matcher(period).matches()) {
            throw new Refusal(Refusal.Kind.INVALID, "invalid-parameter", "period 须为 YYYY-H1 或 YYYY-H2 / period must be "
                    + "YYYY-H1 or YYYY-H2", "period");
        }
        Set<String> within = Scopes.within(Scopes.within(scopes, street), community);
        String where = " where " + Scopes.clause("e.community", within) + (period == null ? "" : " and e.period = :p");
        Listing raw = jpa.txExpr(em -> {
            TypedQuery<Long> count = em.createQuery("select count(e) from EvaluationEntity e" + where, Long.class);
            TypedQuery<EvaluationEntity> items = em.createQuery("select e from EvaluationEntity e" + where
                    + " order by e.openedAt desc, e.id desc", EvaluationEntity.class);
            for (TypedQuery<?> q : List.of(count, items)) {
                Scopes.bind(q, within);
                if (period != null) {
                    q.setParameter("p", period);
                }
            }
            long total = count.getSingleResult();
            List<EvaluationEntity> found = items.setFirstResult((page - 1) * size).setMaxResults(size)
                    .getResultList();
            Map<Long, long[]> counts = new HashMap<>();
            if (!found.isEmpty()) {
                List<Long> ids = found.stream().map(e -> e.id).toList();
                for (Object[] r : em.createQuery("select c.evaluation, c.used, count(c) from BallotCodeEntity c "
                        + "where c.evaluation in :ids group by c.evaluation, c.used", Object[].class)
                        .setParameter("ids", ids).getResultList()) {
                    long[] n = counts.computeIfAbsent((Long) r[0], k -> new long[2]);
                    long c = ((Number) r[2]).longValue();
                    n[0] += c;
                    n[1] += Boolean.TRUE.equals(r[1]) ? c : 0;
                }
            }
            return new Listing(found.stream().map(e -> {
                long[] n = counts.getOrDefault(e.id, new long[2]);
                return new Listed(e.id, e.community, null, e.period, e.status, n[0], n[1],
                        Instant.ofEpochMilli(e.openedAt), e.closedAt == null ? null : Instant.ofEpochMilli(e.closedAt));
            }).toList(), total);
        });
        Map<String, String> names = Scopes.communityNames(organisation, raw.items().stream().map(Listed::community)
                .toList());
        return new Listing(raw.items().stream().map(e -> new Listed(e.id(), e.community(), names.get(e.community()),
                e.period(), e.status(), e.codesIssued(), e.ballotsCast(), e.openedAt(), e.closedAt())).toList(),
                raw.total());
    }

    /** The codes for printing: household address and code, in address order; UTF-8 with BOM for Excel. */
    byte[] codesCsv(long id) {
        Map<Long, Household> byId = new HashMap<>();
        householdsOf(community(id).orElseThrow()).forEach(h -> byId.put(h.id(), h));
        List<BallotCodeEntity> codes = jpa.txExpr(em -> em.createQuery("select c from BallotCodeEntity c where "
                + "c.evaluation = :e", BallotCodeEntity.class).setParameter("e", id).getResultList());
        List<String[]> rows = new ArrayList<>();
        for (BallotCodeEntity c : codes) {
            Household h = byId.get(c.household);
            String address = h == null ? "(住户已删除 / household removed)"
                    : h.buildingLabel() + h.unitLabel() + h.room();
            rows.add(new String[] { address, BallotCodes.format(c.code) });
        }
        rows.sort((a, b) -> a[0].compareTo(b[0]));
        StringBuilder sb = new StringBuilder("\uFEFFaddress,code\r\n");
        for (String[] r : rows) {
            sb.append('"').append(r[0].replace("\"", "\"\"")).append("\",").append(r[1]).append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Casts a ballot. Unknown codes count against the client (429 once it must wait); a valid code is never
     * throttled. The code is marked used by one conditional update, so of parallel submissions exactly one wins.
     *
     * @param entry the audit entry of its acceptance, committed with the ballot; {@code null} when the caller
     *              records it
     */
    void vote(String typedCode, List<Rating> ratings, String client, AuditRecord entry) throws Refusal {
        long wait = backoff.waitMillis(client);
        if (wait > 0) {
            throw BallotRefusals.mustWait(wait);
        }
        if (typedCode == null || typedCode.isBlank()) {
            throw BallotRefusals.missing();
        }
        String code = BallotCodes.normalise(typedCode);
        // the code and its evaluation in one read
        Object[] found = code == null ? null : jpa.txExpr(em -> em.createQuery("select c.evaluation, c.unit, c.used, "
                + "e.status from BallotCodeEntity c, EvaluationEntity e where c.code = :c and e.id = c.evaluation",
                Object[].class).setParameter("c", code).getResultList().stream().findFirst().orElse(null));
        if (found == null) {
            backoff.failed(client);
            throw BallotRefusals.unknown();
        }
        long evaluation = ((Number) found[0]).longValue();
        String unit = (String) found[1];
        if (!"OPEN".equals(found[3])) {
            throw BallotRefusals.closed();
        }
        if (Boolean.TRUE.equals(found[2])) {
            throw BallotRefusals.used();
        }
        if (ratings == null || ratings.isEmpty()) {
            throw Refusal.invalidField("ratings", "请至少评价一位楼门栋长 / rate at least one leader");
        }
        Set<Long> serving = new HashSet<>();
        leaders.serving(unit, LocalDate.now(CHINA)).forEach(l -> serving.add(l.id()));
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < ratings.size(); i++) {
            Rating r = ratings.get(i);
            if (r == null || r.rating() == null) {
                throw Refusal.invalidField("ratings[" + i + "].rating", "缺少评价 / rating is required");
            }
            if (!serving.contains(r.leader())) {
                throw Refusal.invalidField("ratings[" + i + "].leader", "该楼门栋长不为您所在楼门服务 / this leader "
                        + "does not serve your unit or building");
            }
            if (!seen.add(r.leader())) {
                throw Refusal.invalidField("ratings[" + i + "].leader", "重复评价 / the same leader twice");
            }
        }
        Ballots.Outcome outcome = ballots.submit(new Ballots.Cast(code, evaluation, List.copyOf(ratings), entry));
        if (outcome == Ballots.Outcome.CLOSED) {
            throw BallotRefusals.closed(); // closed between the read above and the write
        }
        if (outcome == Ballots.Outcome.USED) {
            throw BallotRefusals.used();
        }
    }

    /** The tally of an evaluation: every leader in service in the community and every leader rated. */
    List<Result> results(long id) {
        EvaluationEntity e = jpa.txExpr(em -> em.find(EvaluationEntity.class, id));
        // the running totals, one row per leader; counted from every rating only where there are none
        Map<Long, int[]> counts = jpa.txExpr(em -> Boolean.TRUE.equals(e.tallied) ? Tallies.of(em, id)
                : Tallies.counted(em, id));
        Map<Long, String> names = new HashMap<>();
        for (Leader l : leaders.find(Set.of(e.community), null, e.community, null, 1, 100_000, "id").items()) {
            names.put(l.id(), l.name());
            if (l.status() == LeaderStatus.IN_SERVICE || "CLOSED".equals(e.status)
                    && l.status() == LeaderStatus.NOT_REAPPOINTED) {
                counts.putIfAbsent(l.id(), new int[3]);
            }
        }
        List<Result> out = new ArrayList<>();
        for (Map.Entry<Long, int[]> c : counts.entrySet()) {
            int[] n = c.getValue();
            int ballots = n[0] + n[1] + n[2];
            BigDecimal percent = Satisfaction.percent(n[0], n[1], ballots);
            out.add(new Result(c.getKey(), names.get(c.getKey()), ballots, n[0], n[1], n[2], percent,
                    Satisfaction.outcome(percent, ballots, minimumBallots)));
        }
        out.sort((a, b) -> Long.compare(a.leader(), b.leader()));
        return out;
    }

    /** Closes the evaluation; leaders under 60% are not re-appointed. */
    List<Result> close(long id, String actor) throws Refusal {
        String closed = jpa.txExpr(em -> {
            EvaluationEntity e = em.find(EvaluationEntity.class, id);
            if (!"OPEN".equals(e.status)) {
                return null;
            }
            e.status = "CLOSED";
            e.closedAt = clock.millis();
            return e.community + "|" + e.period;
        });
        if (closed == null) {
            throw Refusal.conflict("evaluation-closed", "本期评议已结束 / the evaluation is closed already");
        }
        List<Result> results = results(id);
        for (Result r : results) {
            if (r.outcome() == Satisfaction.Outcome.NOT_REAPPOINTED) {
                try {
                    lifecycle.move(r.leader(), LeaderStatus.NOT_REAPPOINTED, actor, "半年评议满意度 "
                            + r.satisfactionPercent() + "% < 60%", "evaluation " + id, null, Map.of(WorkflowTopics.PROP_EVALUATION, id,
                                    WorkflowTopics.PROP_SATISFACTION_PERCENT, r.satisfactionPercent().toPlainString()));
                } catch (Refusal e) {
                    LOG.warn("Leader {} not marked NOT_REAPPOINTED: {}", r.leader(), e.getMessage());
                }
            }
        }
        String[] cp = closed.split("\\|");
        events.postEvent(new Event(TOPIC_CLOSED, Map.of(WorkflowTopics.PROP_EVALUATION, id,
                WorkflowTopics.PROP_COMMUNITY, cp[0], WorkflowTopics.PROP_PERIOD, cp[1])));
        return results(id);
    }
}
