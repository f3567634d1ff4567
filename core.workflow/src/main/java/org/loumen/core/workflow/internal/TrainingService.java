package org.loumen.core.workflow.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.loumen.core.model.Leader;
import org.loumen.core.model.LeaderQuery;
import org.loumen.core.model.LeaderService;
import org.loumen.core.model.LeaderStatus;
import org.loumen.core.model.OrganisationService;
import org.loumen.core.model.Street;
import org.loumen.core.workflow.internal.TrainingRules.Result;
import org.loumen.core.workflow.internal.TrainingRules.Standing;
import org.loumen.domain.Refusal;
import org.loumen.domain.InputRules;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Onboarding training (入职培训) run by a street: batches, enrolment of approved leaders, attendance per day, the
 * assessment, and certification with a work ID and armband (合格后发放工作证和袖标上岗). Moves of the lifecycle go through
 * {@link LifecycleService}, which asks {@link #results} whether a leader passed.
 */
@Component(service = TrainingService.class, configurationPid = TrainingService.PID)
@Designate(ocd = TrainingService.Config.class)
public final class TrainingService {

    static final String PID = "org.loumen.training";

    @ObjectClassDefinition(id = PID, name = "Loumen 入职培训 / onboarding training",
            description = "工作证号的生成规则 / how work IDs are made when certification gives none")
    public @interface Config {
        @AttributeDefinition(name = "工作证号格式 / work ID pattern", description = "{street} 街镇代码 / street code, "
                + "{street6} 代码后六位 / its last six digits, {year} 年份 / year, {seq:4} 四位序号 / a 4-digit number")
        String workIdPattern() default TrainingRules.DEFAULT_PATTERN;
    }

    /** Withdrawal or cancellation: why. */
    record Withdrawal(String reason) {
    }

    record RosterRow(long leader, String name, String community, String communityName, String status,
            List<LocalDate> attended, String result, String note, String workId, LocalDate armbandOn) {
    }

    record Candidate(long leader, String name, String community, String communityName, String status,
            boolean retake) {
    }

    record Enrolment(Long batch, String title, LocalDate startsOn, LocalDate endsOn, String result, String note,
            int daysAttended, int days, String workId, LocalDate armbandOn, Instant enrolledAt, Instant withdrawnAt,
            String withdrawnReason) {
    }

    record StreetFigures(String street, String streetName, int batches, int trained, int passed, int failed,
            int certified, int inTraining, int waiting) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(TrainingService.class);

    private final JpaTemplate jpa;
    private final LeaderService leaders;
    private final OrganisationService organisation;
    private final LifecycleService lifecycle;
    private final TrainingBatches batches;
    private volatile String pattern = TrainingRules.DEFAULT_PATTERN;
    private final Map<String, Runnable> hooks = new java.util.concurrent.ConcurrentHashMap<>();

    /** Enrolments still counted: not withdrawn, and not a write under way (JPQL, alias e). */
    static final String ACTIVE = "e.withdrawnAt is null and e.state is null";

    @Activate
    public TrainingService(@Reference(target = "(osgi.unit.name=loumen.workflow)") JpaTemplate jpa,
            @Reference LeaderService leaders, @Reference OrganisationService organisation,
            @Reference LifecycleService lifecycle, @Reference TrainingBatches batches, Config config) {
        this.jpa = jpa;
        this.leaders = leaders;
        this.organisation = organisation;
        this.lifecycle = lifecycle;
        this.batches = batches;
        modified(config);
    }

    /**
     * Test hooks: a {@code Runnable} service with {@code loumen.test.hook=training.afterMove} runs after each status
     * move of an enrolment, {@code training.afterWithdrawMark} after a withdrawal is written and before its move back.
     * In-framework tests register one that throws an Error to stand for a crash at that point. None in production.
     */
    @Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.MULTIPLE,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC,
            target = "(loumen.test.hook=training.*)", unbind = "removeHook")
    void addHook(Runnable hook, Map<String, Object> props) {
        hooks.put(String.valueOf(props.get("loumen.test.hook")), hook);
    }

    void removeHook(Runnable hook, Map<String, Object> props) {
        hooks.remove(String.valueOf(props.get("loumen.test.hook")), hook);
    }

    private void hook(String point) {
        Runnable r = hooks.get(point);
        if (r != null) {
            r.run();
        }
    }

    @Modified
    void modified(Config config) {
        String p = config.workIdPattern();
        // a pattern that cannot make work IDs is ignored (and the default kept) rather than failing certification
        this.pattern = TrainingRules.patternProblem(p) == null ? p : TrainingRules.DEFAULT_PATTERN;
    }

    /** The results of a leader's onboarding enrolments, oldest first (null: not yet assessed). */
    static List<Result> results(EntityManager em, long leader) {
        return results(em, List.of(leader)).getOrDefault(leader, List.of());
    }

    /**
     * {@link #results(EntityManager, long)} of many leaders at once, by at most 500 ids a read: the candidates of a
     * street were read one transaction a leader (half of that call's time with the demo's few hundred).
     */
    static Map<Long, List<Result>> results(EntityManager em, List<Long> leaders) {
        Map<Long, List<Result>> out = new HashMap<>();
        for (int i = 0; i < leaders.size(); i += 500) {
            for (Object[] r : em.createQuery("select e.leader, e.result from TrainingEnrolmentEntity e where e.leader "
                    + "in :l and e.withdrawnAt is null order by e.id", Object[].class).setParameter("l",
                            leaders.subList(i, Math.min(leaders.size(), i + 500))).getResultList()) {
                out.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add(r[1] == null ? null
                        : Result.valueOf((String) r[1]));
            }
        }
        return out;
    }

    // ---- roster and candidates

    List<RosterRow> roster(long batch) {
        return jpa.txExpr(em -> {
            TrainingBatches.existingBatch(em, batch);
            Map<Long, List<LocalDate>> days = new HashMap<>();
            for (TrainingAttendanceEntity a : em.createQuery("select a from TrainingAttendanceEntity a where "
                    + "a.batch = :b order by a.attendedOn", TrainingAttendanceEntity.class).setParameter("b", batch)
                    .getResultList()) {
                days.computeIfAbsent(a.leader, k -> new ArrayList<>()).add(a.attendedOn);
            }
            List<TrainingEnrolmentEntity> es = TrainingBatches.enrolments(em, batch);
            Map<String, String> names = Scopes.communityNames(organisation, es.stream().map(e -> e.community)
                    .toList());
            List<RosterRow> rows = new ArrayList<>();
            for (TrainingEnrolmentEntity e : es) {
                Optional<Leader> l = leaders.leader(e.leader);
                rows.add(new RosterRow(e.leader, l.map(Leader::name).orElse("#" + e.leader), e.community,
                        names.getOrDefault(e.community, e.community), l.map(x -> x.status().name()).orElse(null),
                        days.getOrDefault(e.leader, List.of()), e.result, e.note, e.workId, e.armbandOn));
            }
            rows.sort((a, b) -> a.communityName().equals(b.communityName()) ? a.name().compareTo(b.name())
                    : a.communityName().compareTo(b.communityName()));
            return rows;
        });
    }

    /** Approved leaders of the street, and those in training whose latest result was a fail or absence. */
    List<Candidate> candidates(long batch) throws Refusal {
        String street = batches.streetOf(batch).orElseThrow(() -> Refusal.notFound("培训班", "batch", "" + batch));
        // one read for both statuses (it was one listing, count and page, each); approved first, each by name
        List<Leader> pool = new ArrayList<>(Pages.all(n -> leaders.find(Set.of(street), LeaderQuery.inStatus(street,
                Set.of(LeaderStatus.APPROVED, LeaderStatus.IN_TRAINING)), n, Pages.SIZE, "name").items()));
        pool.sort(Comparator.comparing(l -> l.status() == LeaderStatus.APPROVED ? 0 : 1));
        Set<Long> enrolled = new HashSet<>();
        Map<Long, List<Result>> byLeader = new HashMap<>();
        jpa.tx(em -> {
            enrolled.addAll(em.createQuery("select e.leader from TrainingEnrolmentEntity e where e.batch = :b",
                    Long.class).setParameter("b", batch).getResultList());
            byLeader.putAll(results(em, pool.stream().map(Leader::id).toList()));
        });
        List<Candidate> out = new ArrayList<>();
        Map<String, String> names = Scopes.communityNames(organisation, pool.stream().map(Leader::community)
                .toList());
        for (Leader l : pool) {
            if (enrolled.contains(l.id())) {
                continue;
            }
            List<Result> results = byLeader.getOrDefault(l.id(), List.of());
            if (!TrainingRules.mayEnrol(results)) {
                continue;
            }
            out.add(new Candidate(l.id(), l.name(), l.community(), names.getOrDefault(l.community(), l.community()),
                    l.status().name(), TrainingRules.standing(results) == Standing.RETAKE));
        }
        return out;
    }

    // ---- enrolment, attendance, assessment, certification

    /**
     * Enrols the leaders, all or none: each must be of the batch's street and free to enrol.
     *
     * <p>Enrolments in a street are decided one at a time on every node: the street's batch rows stay locked while
     * the leaders are checked and their enrolments written, so two requests never both find a leader free.
     *
     * <p>The status moves (APPROVED to IN_TRAINING) are the model's own writes, in another store's transaction. So
     * that a crash between the two stores can never leave a leader in training without an enrolment, the enrolments
     * are written first as the intent ({@code state = PENDING}, with the status each one moves the leader from), then
     * the moves are made, then the enrolments are marked complete. A refusal on the way undoes the moves made and
     * removes the intent; a crash leaves the intent, which {@link #repair} finds at start-up and undoes the same way.
     */
    List<RosterRow> enrol(long batch, List<Long> ids, String actor) throws Refusal {
        TrainingBatchEntity b = jpa.txExpr(em -> em.find(TrainingBatchEntity.class, batch));
        if (b == null) {
            throw Refusal.notFound("培训班", "batch", "" + batch);
        }
        if (ids == null || ids.isEmpty() || ids.size() > 500) {
            throw Refusal.invalidField("leaders", "请选择 1 至 500 位楼门栋长 / choose 1 to 500 leaders");
        }
        List<Long> rows = new ArrayList<>();
        List<Leader> toMove = new ArrayList<>();
        try {
            jpa.tx(em -> {
                em.createQuery("select b from TrainingBatchEntity b where b.street = :s", TrainingBatchEntity.class)
                        .setParameter("s", b.street).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
                try {
                    if (em.find(TrainingBatchEntity.class, batch).cancelledAt != null) {
                        TrainingBatches.refuseClosed("cancelled");
                    }
                    for (Leader l : enrollable(em, b, ids)) {
                        TrainingEnrolmentEntity e = enrolment(batch, null, l, actor);
                        e.state = PENDING;
                        if (l.status() == LeaderStatus.APPROVED) {
                            e.movedFrom = LeaderStatus.APPROVED.name();
                            toMove.add(l);
                        }
                        em.persist(e);
                        em.flush();
                        rows.add(e.id);
                    }
                } catch (Refusal e) {
                    throw new Refused(e);
                }
            });
        } catch (RuntimeException e) {
            rows.clear();
            throw unwrap(e);
        }
        List<Long> moved = new ArrayList<>();
        try {
            for (Leader l : toMove) {
                lifecycle.move(l.id(), LeaderStatus.IN_TRAINING, actor, null, "batch " + b.id + " " + b.title
                        + " from " + b.startsOn, null, Map.of("batch", b.id));
                moved.add(l.id());
                hook("training.afterMove");
            }
        } catch (Refusal | RuntimeException e) {
            // refused (someone changed a leader meanwhile) or failed: nothing of this request is kept
            undo(moved, actor);
            jpa.tx(em -> em.createQuery("delete from TrainingEnrolmentEntity e where e.id in :ids")
                    .setParameter("ids", rows).executeUpdate());
            throw e;
        }
        jpa.tx(em -> em.createQuery("update TrainingEnrolmentEntity e set e.state = null where e.id in :ids")
                .setParameter("ids", rows).executeUpdate());
        return roster(batch);
    }

    static final String PENDING = "PENDING";
    static final String WITHDRAWING = "WITHDRAWING";

    private static Refusal unwrapRefusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Refused r) {
                return r.refusal; // the template may have wrapped it
            }
        }
        return null;
    }

    /** The refusal carried out of a transaction, thrown as it is; any other failure rethrown. */
    private static RuntimeException unwrap(RuntimeException e) throws Refusal {
        Refusal refusal = unwrapRefusal(e);
        if (refusal != null) {
            throw refusal;
        }
        return e;
    }

    /** The chosen leaders if every one may join the batch; otherwise the refusal naming the first who may not. */
    private List<Leader> enrollable(EntityManager em, TrainingBatchEntity b, List<Long> ids) throws Refusal {
        List<Leader> chosen = new ArrayList<>();
        for (Long id : new LinkedHashSet<>(ids)) {
            Leader l = id == null ? null : leaders.leader(id).filter(x -> b.street.equals(x.street())).orElse(null);
            if (l == null) {
                throw Refusal.invalidField("leaders", "本街镇没有楼门栋长 " + id + " / no leader " + id
                        + " in the street");
            }
            boolean inBatch = !em.createQuery("select e.id from TrainingEnrolmentEntity e where e.batch = :b and "
                    + "e.leader = :l", Long.class).setParameter("b", b.id).setParameter("l", id).getResultList()
                    .isEmpty();
            boolean free = (l.status() == LeaderStatus.APPROVED || l.status() == LeaderStatus.IN_TRAINING)
                    && TrainingRules.mayEnrol(results(em, id)) && !inBatch;
            if (!free) {
                throw new Refusal(Refusal.Kind.CONFLICT, "not-enrollable", l.name() + "不能报名：须为已通过审议的候选人，或上次培训"
                        + "未通过 / " + l.name() + " cannot be enrolled: only approved candidates, or those whose last "
                        + "training was failed or missed", "leaders").with("leader", id);
            }
            chosen.add(l);
        }
        return chosen;
    }

    /** Puts leaders moved by an enrolment that is not kept back to APPROVED (with the step in their history). */
    private void undo(List<Long> moved, String actor) {
        for (Long id : moved) {
            try {
                lifecycle.returnToApproved(id, actor, "报名未完成 / enrolment not completed", null);
            } catch (Exception e) {
                LOG.error("Enrolment not kept, but leader {} could not be put back to APPROVED", id, e);
            }
        }
    }

    /** Carries a refusal out of a transaction, which it rolls back. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final Refusal refusal;

        Refused(Refusal refusal) {
            super(refusal.getMessage(), null, false, false);
            this.refusal = refusal;
        }
    }

    /** The older free-text route: an enrolment in a session known by name only. */
    Leader enrolInSession(long leader, String session, String details, String actor) throws Refusal {
        Leader l = leaders.leader(leader).orElseThrow(() -> Refusal.notFound("楼门栋长", "leader", "" + leader));
        // the intent first, as for a batch (see enrol): a crash after the move is repaired at start-up
        long row = jpa.txExpr(em -> {
            TrainingEnrolmentEntity e = enrolment(null, session, l, actor);
            e.state = PENDING;
            e.movedFrom = l.status().name();
            em.persist(e);
            em.flush();
            return e.id;
        });
        Leader moved;
        try {
            moved = lifecycle.move(leader, LeaderStatus.IN_TRAINING, actor, null, details, null, Map.of());
            hook("training.afterMove");
        } catch (Refusal | RuntimeException e) {
            jpa.tx(em -> em.createQuery("delete from TrainingEnrolmentEntity e where e.id = :id")
                    .setParameter("id", row).executeUpdate());
            throw e;
        }
        jpa.tx(em -> em.find(TrainingEnrolmentEntity.class, row).state = null);
        return moved;
    }

    // ---- withdrawal and cancellation

    /**
     * Withdraws one leader from the batch (退训) before they are assessed: the enrolment is kept as history but no
     * longer counts, and a leader it moved into training goes back to APPROVED, free to join a later batch.
     */
    TrainingBatches.Batch withdraw(long batch, long leader, String reason, String actor) throws Refusal {
        String why = reason(reason);
        List<Long> rows = new ArrayList<>();
        String problem = inStreetLock(batch, (em, b) -> {
            if (b.cancelledAt != null) {
                return "cancelled";
            }
            List<TrainingEnrolmentEntity> es = em.createQuery("select e from TrainingEnrolmentEntity e where "
                    + "e.batch = :b and e.leader = :l and " + ACTIVE, TrainingEnrolmentEntity.class)
                    .setParameter("b", batch).setParameter("l", leader).getResultList();
            if (es.isEmpty()) {
                return "not-enrolled";
            }
            if (es.get(0).result != null) {
                return "assessed";
            }
            markWithdrawing(es.get(0), why, actor);
            rows.add(es.get(0).id);
            return null;
        });
        if ("not-enrolled".equals(problem)) {
            throw Refusal.invalidField("leader", "该楼门栋长未报名本班 / the leader is not enrolled in this batch");
        }
        if ("assessed".equals(problem)) {
            throw Refusal.conflict("already-assessed", "已有考核结果，不能退训 / the leader is assessed: the "
                    + "enrolment can no longer be withdrawn");
        }
        TrainingBatches.refuseClosed(problem);
        completeWithdrawals(rows, actor);
        return batches.batch(batch).orElseThrow();
    }

    /**
     * Cancels a batch before any assessment: every enrolment is withdrawn (leaders it moved go back to APPROVED),
     * and the batch is kept, marked cancelled, with the reason.
     */
    TrainingBatches.Batch cancel(long batch, String reason, String actor) throws Refusal {
        String why = reason(reason);
        List<Long> rows = new ArrayList<>();
        String problem = inStreetLock(batch, (em, b) -> {
            String closed = TrainingBatches.closedProblem(em, b);
            if (closed != null) {
                return closed;
            }
            b.cancelledAt = System.currentTimeMillis();
            b.cancelledBy = actor;
            b.cancelReason = why;
            for (TrainingEnrolmentEntity e : TrainingBatches.enrolments(em, batch)) {
                markWithdrawing(e, "培训班取消 / batch cancelled: " + why, actor);
                rows.add(e.id);
            }
            return null;
        });
        TrainingBatches.refuseClosed(problem);
        completeWithdrawals(rows, actor);
        return batches.batch(batch).orElseThrow();
    }

    private static String reason(String reason) throws Refusal {
        String r = InputRules.text("reason", reason, false);
        if (r == null || r.isBlank() || r.strip().length() > 300) {
            throw Refusal.invalidField("reason", "请写明原因（1-300 字） / reason is required (1-300)");
        }
        return r.strip();
    }

    private static void markWithdrawing(TrainingEnrolmentEntity e, String why, String actor) {
        e.state = WITHDRAWING;
        e.withdrawnAt = System.currentTimeMillis();
        e.withdrawnBy = actor;
        e.withdrawnReason = why.length() > 500 ? why.substring(0, 500) : why;
    }

    interface Locked {
        String apply(EntityManager em, TrainingBatchEntity b);
    }

    /** Runs the work with the batch's street locked (as enrolment does); "not-found" becomes the 404. */
    private String inStreetLock(long batch, Locked work) throws Refusal {
        String street = batches.streetOf(batch).orElseThrow(() -> Refusal.notFound("培训班", "batch", "" + batch));
        return jpa.txExpr(em -> {
            em.createQuery("select b from TrainingBatchEntity b where b.street = :s", TrainingBatchEntity.class)
                    .setParameter("s", street).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
            return work.apply(em, em.find(TrainingBatchEntity.class, batch));
        });
    }

    /**
     * The second half of a withdrawal, once it is written: the leader the enrolment moved into training goes back to
     * APPROVED (unless they have another open enrolment, or are no longer in training), then the row is complete.
     * Safe to run again: {@link #repair} runs it for rows a crash left half done.
     */
    private void completeWithdrawals(List<Long> rows, String actor) {
        for (Long row : rows) {
            TrainingEnrolmentEntity e = jpa.txExpr(em -> em.find(TrainingEnrolmentEntity.class, row));
            if (e == null || !WITHDRAWING.equals(e.state)) {
                continue;
            }
            hook("training.afterWithdrawMark");
            boolean otherOpen = jpa.txExpr(em -> !em.createQuery("select x.id from TrainingEnrolmentEntity x where "
                    + "x.leader = :l and x.id <> :id and x.withdrawnAt is null and x.result is null", Long.class)
                    .setParameter("l", e.leader).setParameter("id", row).getResultList().isEmpty());
            Optional<Leader> l = leaders.leader(e.leader);
            if (l.isPresent() && TrainingRules.returnsToApproved(e.movedFrom, l.get().status(), otherOpen)) {
                try {
                    lifecycle.returnToApproved(e.leader, actor, e.withdrawnReason, e.batch == null ? null
                            : "withdrawn from batch " + e.batch);
                } catch (Refusal ex) {
                    LOG.warn("Leader {} withdrawn from batch {} but not put back to APPROVED: {}", e.leader, e.batch,
                            ex.getMessage());
                }
            }
            jpa.tx(em -> em.find(TrainingEnrolmentEntity.class, row).state = null);
        }
    }

    // ---- repair of writes a crash left half done

    /**
     * Repairs rows a crash left between the two stores, older than the grace (so that writes under way on this or
     * another node are left alone): an enrolment intent ({@code PENDING}) is undone — the leader it moved goes back
     * to APPROVED and the intent is removed, as the request was never answered — and a withdrawal under way is
     * completed. Each row is repaired under its own lock, so two nodes repairing at once do it once.
     *
     * @return how many rows were repaired
     */
    int repair(long graceMillis) {
        long before = System.currentTimeMillis() - graceMillis;
        List<Long> pending = jpa.txExpr(em -> em.createQuery("select e.id from TrainingEnrolmentEntity e where "
                + "e.state = :p and e.enrolledAt <= :t", Long.class).setParameter("p", PENDING)
                .setParameter("t", before).getResultList());
        List<Long> withdrawing = jpa.txExpr(em -> em.createQuery("select e.id from TrainingEnrolmentEntity e where "
                + "e.state = :w and e.withdrawnAt <= :t", Long.class).setParameter("w", WITHDRAWING)
                .setParameter("t", before).getResultList());
        int n = 0;
        for (Long row : pending) {
            boolean done = jpa.txExpr(em -> {
                TrainingEnrolmentEntity e = em.find(TrainingEnrolmentEntity.class, row,
                        LockModeType.PESSIMISTIC_WRITE);
                if (e == null || !PENDING.equals(e.state)) {
                    return false;
                }
                Optional<Leader> l = leaders.leader(e.leader);
                if (l.isPresent() && TrainingRules.returnsToApproved(e.movedFrom, l.get().status(), false)) {
                    try {
                        lifecycle.returnToApproved(e.leader, "system", "报名未完成，启动时复原 / enrolment not "
                                + "completed, repaired at start-up", e.batch == null ? null : "batch " + e.batch);
                    } catch (Refusal ex) {
                        LOG.warn("Could not put leader {} back to APPROVED: {}", e.leader, ex.getMessage());
                        return false;
                    }
                }
                em.remove(e);
                LOG.warn("Repaired an enrolment a crash left half done: leader {}, batch {}", e.leader, e.batch);
                return true;
            });
            n += done ? 1 : 0;
        }
        if (!withdrawing.isEmpty()) {
            completeWithdrawals(withdrawing, "system");
            n += withdrawing.size();
            LOG.warn("Completed {} withdrawal(s) a crash left half done", withdrawing.size());
        }
        return n;
    }

    private static TrainingEnrolmentEntity enrolment(Long batch, String session, Leader l, String actor) {
        TrainingEnrolmentEntity e = new TrainingEnrolmentEntity();
        e.batch = batch;
        e.session = session;
        e.leader = l.id();
        e.community = l.community();
        e.enrolledBy = actor;
        e.enrolledAt = System.currentTimeMillis();
        return e;
    }

    /** Replaces who was present on one day of the batch. */
    List<RosterRow> attendance(long batch, LocalDate day, List<Long> present) throws Refusal {
        TrainingBatchEntity b = jpa.txExpr(em -> em.find(TrainingBatchEntity.class, batch));
        if (b == null) {
            throw Refusal.notFound("培训班", "batch", "" + batch);
        }
        if (b.cancelledAt != null) {
            TrainingBatches.refuseClosed("cancelled");
        }
        if (!TrainingRules.withinBatch(day, b.startsOn, b.endsOn)) {
            throw Refusal.invalidField("day", "日期须在培训班起止日期之内 / day must lie within the batch");
        }
        Set<Long> ids = new TreeSet<>();
        for (Long id : present == null ? List.<Long>of() : present) {
            if (id == null) {
                throw Refusal.invalidField("present", "名单里有空值 / the list holds an empty value");
            }
            ids.add(id);
        }
        Set<Long> enrolled = jpa.txExpr(em -> new HashSet<>(em.createQuery("select e.leader from "
                + "TrainingEnrolmentEntity e where e.batch = :b and " + ACTIVE, Long.class).setParameter("b", batch)
                .getResultList()));
        for (Long id : ids) {
            if (!enrolled.contains(id)) {
                throw Refusal.invalidField("present", "楼门栋长 " + id + " 未报名本班 / leader " + id
                        + " is not enrolled in this batch");
            }
        }
        jpa.tx(em -> {
            em.createQuery("delete from TrainingAttendanceEntity a where a.batch = :b and a.attendedOn = :d")
                    .setParameter("b", batch).setParameter("d", day).executeUpdate();
            for (Long id : ids) {
                TrainingAttendanceEntity a = new TrainingAttendanceEntity();
                a.batch = batch;
                a.leader = id;
                a.attendedOn = day;
                em.persist(a);
            }
        });
        return roster(batch);
    }

    /** Assesses a leader's enrolment in the batch; a certified enrolment is final. */
    RosterRow assess(long batch, long leader, Result result, String note, String actor) throws Refusal {
        checkResult(result, note);
        String problem = jpa.txExpr(em -> {
            TrainingBatchEntity b = em.find(TrainingBatchEntity.class, batch);
            if (b != null && b.cancelledAt != null) {
                return "cancelled";
            }
            List<TrainingEnrolmentEntity> es = em.createQuery("select e from TrainingEnrolmentEntity e where "
                    + "e.batch = :b and e.leader = :l and " + ACTIVE, TrainingEnrolmentEntity.class)
                    .setParameter("b", batch).setParameter("l", leader).getResultList();
            if (es.isEmpty()) {
                return "not-enrolled";
            }
            TrainingEnrolmentEntity e = es.get(0);
            if (e.workId != null) {
                return "certified";
            }
            // a later enrolment exists: this one is history
            boolean later = !em.createQuery("select e.id from TrainingEnrolmentEntity e where e.leader = :l and "
                    + "e.withdrawnAt is null and e.id > :id", Long.class).setParameter("l", leader).setParameter("id", e.id).getResultList()
                    .isEmpty();
            if (later) {
                return "superseded";
            }
            e.result = result.name();
            e.note = note == null || note.isBlank() ? null : note.strip();
            e.assessedBy = actor;
            e.assessedAt = System.currentTimeMillis();
            return null;
        });
        if ("not-enrolled".equals(problem)) {
            throw Refusal.invalidField("leader", "该楼门栋长未报名本班 / the leader is not enrolled in this batch");
        }
        TrainingBatches.refuseClosed(problem);
        if (problem != null) {
            throw Refusal.conflict(problem.equals("certified") ? "already-certified" : "superseded",
                    problem.equals("certified") ? "已发证，考核结果不能再改 / certified: the result is final"
                            : "该楼门栋长已报名后续培训班，本班结果为历史记录 / enrolled in a later batch: this result is "
                                    + "history");
        }
        return roster(batch).stream().filter(r -> r.leader() == leader).findFirst().orElseThrow();
    }

    /** Assesses the leader's open enrolment, whatever its batch or session (the route on the leader's page). */
    void assessLeader(long leader, Result result, String note, String actor) throws Refusal {
        checkResult(result, note);
        boolean done = jpa.txExpr(em -> {
            List<TrainingEnrolmentEntity> es = em.createQuery("select e from TrainingEnrolmentEntity e where "
                    + "e.leader = :l and " + ACTIVE + " order by e.id desc", TrainingEnrolmentEntity.class)
                    .setParameter("l", leader).setMaxResults(1).getResultList();
            TrainingEnrolmentEntity e;
            if (es.isEmpty()) {
                // in training before batches were kept: the assessment gets an enrolment of its own
                Optional<Leader> l = leaders.leader(leader).filter(x -> x.status() == LeaderStatus.IN_TRAINING);
                if (l.isEmpty()) {
                    return false;
                }
                e = enrolment(null, "入职培训（早前记录） / earlier training", l.get(), actor);
                em.persist(e);
            } else if (es.get(0).workId != null) {
                return false;
            } else {
                e = es.get(0);
            }
            e.result = result.name();
            e.note = note == null || note.isBlank() ? null : note.strip();
            e.assessedBy = actor;
            e.assessedAt = System.currentTimeMillis();
            return true;
        });
        if (!done) {
            throw Refusal.conflict("not-in-training", "该楼门栋长没有待考核的培训 / the leader has no training to "
                    + "assess");
        }
    }

    private static void checkResult(Result result, String note) throws Refusal {
        if (result == null) {
            throw Refusal.invalidField("result", "须为 PASSED（合格）、FAILED（不合格）或 ABSENT（缺考） / result "
                    + "is PASSED, FAILED or ABSENT");
        }
        if (note != null && note.length() > 500) {
            throw Refusal.invalidField("note", "备注不超过 500 字 / note up to 500 characters");
        }
        if (result != Result.PASSED && (note == null || note.isBlank())) {
            throw Refusal.invalidField("note", "不合格或缺考请写明情况 / a note is required when not passed");
        }
    }

    /**
     * Certifies a leader who passed in the batch: issues the work ID (given, or made by the configured pattern) and
     * records the armband. The pass rule itself is checked by {@link LifecycleService#move}.
     */
    Leader certify(long batch, long leader, String workId, LocalDate armbandOn, String actor) throws Refusal {
        TrainingBatchEntity b = jpa.txExpr(em -> em.find(TrainingBatchEntity.class, batch));
        if (b == null) {
            throw Refusal.notFound("培训班", "batch", "" + batch);
        }
        if (b.cancelledAt != null) {
            TrainingBatches.refuseClosed("cancelled");
        }
        boolean enrolled = jpa.txExpr(em -> !em.createQuery("select e.id from TrainingEnrolmentEntity e where "
                + "e.batch = :b and e.leader = :l and " + ACTIVE, Long.class).setParameter("b", batch).setParameter("l", leader)
                .getResultList().isEmpty());
        if (!enrolled) {
            throw Refusal.invalidField("leader", "该楼门栋长未报名本班 / the leader is not enrolled in this batch");
        }
        return certify(leader, workId, armbandOn, actor);
    }

    /** Certifies a leader who passed their latest training (both routes end here). */
    Leader certify(long leader, String workId, LocalDate armbandOn, String actor) throws Refusal {
        if (armbandOn == null || InputRules.dateProblem(armbandOn) != null) {
            throw Refusal.invalidField("armbandIssuedOn", "请填写袖标发放日期 / armbandIssuedOn is required");
        }
        Leader l = leaders.leader(leader).orElseThrow(() -> Refusal.notFound("楼门栋长", "leader", "" + leader));
        String id = workId == null || workId.isBlank() ? null : workId.strip();
        if (id != null && !TrainingRules.WORK_ID.matcher(id).matches()) {
            throw Refusal.invalidField("workId", "工作证号须为 1 至 32 位字母、数字或 - / workId is 1-32 letters, "
                    + "digits or -");
        }
        if (id == null && l.status() == LeaderStatus.IN_TRAINING) {
            id = nextWorkId(l.street(), armbandOn.getYear());
        }
        String issued = id;
        Leader moved = lifecycle.move(leader, LeaderStatus.CERTIFIED, actor, null, "work ID " + issued
                + ", armband issued " + armbandOn, issued, Map.of());
        jpa.tx(em -> {
            List<TrainingEnrolmentEntity> es = em.createQuery("select e from TrainingEnrolmentEntity e where "
                    + "e.leader = :l and " + ACTIVE + " order by e.id desc", TrainingEnrolmentEntity.class)
                    .setParameter("l", leader).setMaxResults(1).getResultList();
            if (!es.isEmpty()) {
                es.get(0).workId = issued;
                es.get(0).armbandOn = armbandOn;
            }
        });
        return moved;
    }

    /** The next free work ID of the street by the configured pattern. */
    String nextWorkId(String street, int year) {
        TrainingRules.Shape shape = TrainingRules.shape(pattern, street, year);
        List<String> taken = new ArrayList<>();
        for (Leader l : Pages.all(n -> leaders.find(Set.of(street), LeaderQuery.of(street, null, null), n,
                Pages.SIZE, "id").items())) {
            if (l.workId() != null) {
                taken.add(l.workId());
            }
        }
        return TrainingRules.nextWorkId(shape, taken);
    }

    // ---- a leader's record and the street's figures

    List<Enrolment> record(long leader) {
        return jpa.txExpr(em -> {
            List<Enrolment> out = new ArrayList<>();
            for (TrainingEnrolmentEntity e : em.createQuery("select e from TrainingEnrolmentEntity e where "
                    + "e.leader = :l and (e.state is null or e.state <> :p) order by e.id",
                    TrainingEnrolmentEntity.class).setParameter("l", leader).setParameter("p", PENDING)
                    .getResultList()) {
                TrainingBatchEntity b = e.batch == null ? null : em.find(TrainingBatchEntity.class, e.batch);
                int attended = b == null ? 0 : em.createQuery("select count(a) from TrainingAttendanceEntity a where "
                        + "a.batch = :b and a.leader = :l", Long.class).setParameter("b", b.id)
                        .setParameter("l", leader).getSingleResult().intValue();
                int days = b == null ? 0 : (int) (b.endsOn.toEpochDay() - b.startsOn.toEpochDay() + 1);
                out.add(new Enrolment(e.batch, b == null ? e.session : b.title, b == null ? null : b.startsOn,
                        b == null ? null : b.endsOn, e.result, e.note, attended, days, e.workId, e.armbandOn,
                        Instant.ofEpochMilli(e.enrolledAt), e.withdrawnAt == null ? null
                                : Instant.ofEpochMilli(e.withdrawnAt), e.withdrawnReason));
            }
            return out;
        });
    }

    /**
     * Per street within the scopes: batches, leaders trained (enrolled at least once), passed (latest result a pass),
     * failed (latest a fail or absence), certified through training, in training now (open enrolment), and waiting
     * (approved and never enrolled, or to retake).
     *
     * <p>Three reads for the whole scope, each grouped by street here: the district's figures once took four queries
     * a street (a leader count per scope among them), 158–347 ms at 100,000 city leaders.
     */
    List<StreetFigures> figures(Set<String> scopes, String street) {
        // the streets and their names from the one cached list: asking the organisation for each street's name was a
        // transaction and two reads a street, over half of this call's time
        Map<String, String> streets = new TreeMap<>();
        for (Street st : organisation.streets()) {
            boolean in = scopes.stream().anyMatch(s -> st.code().startsWith(s) || s.startsWith(st.code()));
            if (in && (street == null || street.equals(st.code()))) {
                streets.put(st.code(), st.name());
            }
        }
        if (streets.isEmpty()) {
            return List.of();
        }
        // the scopes inside the streets asked for: a scope wider than a street stands for each of its streets
        Set<String> within = Scopes.within(scopes, street);
        Map<String, Integer> batches = new HashMap<>();
        Map<String, Map<Long, List<Result>>> byLeader = new HashMap<>();
        Map<String, Integer> certified = new HashMap<>();
        jpa.tx(em -> {
            for (Object[] row : em.createQuery("select b.street, count(b) from TrainingBatchEntity b where b.street in "
                    + ":s group by b.street", Object[].class).setParameter("s", new ArrayList<>(streets.keySet()))
                    .getResultList()) {
                batches.put((String) row[0], ((Number) row[1]).intValue());
            }
            var q = em.createQuery("select e.leader, e.community, e.result, e.workId, e.withdrawnAt from "
                    + "TrainingEnrolmentEntity e where " + Scopes.clause("e.community", within) + " order by e.id",
                    Object[].class);
            Scopes.bind(q, within);
            for (Object[] e : q.getResultList()) {
                String of = ((String) e[1]).substring(0, 9);
                if (e[3] != null) {
                    certified.merge(of, 1, Integer::sum);
                }
                if (e[4] == null) {
                    byLeader.computeIfAbsent(of, k -> new TreeMap<>()).computeIfAbsent((Long) e[0],
                            k -> new ArrayList<>()).add(e[2] == null ? null : Result.valueOf((String) e[2]));
                }
            }
        });
        Map<String, Integer> approved = new HashMap<>();
        // counted per community by the database (one pass over the leaders for a street or wider), not read per leader
        leaders.countsByCommunity(within, LeaderQuery.inStatus(street, Set.of(LeaderStatus.APPROVED))).forEach(
                (community, n) -> approved.merge(community.substring(0, 9), n.intValue(), Integer::sum));
        List<StreetFigures> out = new ArrayList<>();
        for (Map.Entry<String, String> st : streets.entrySet()) {
            String s = st.getKey();
            Map<Long, List<Result>> trained = byLeader.getOrDefault(s, Map.of());
            int passed = 0;
            int failed = 0;
            int open = 0;
            for (List<Result> rs : trained.values()) {
                switch (TrainingRules.standing(rs)) {
                    case PASSED -> passed++;
                    case RETAKE -> failed++;
                    case OPEN -> open++;
                    default -> {
                    }
                }
            }
            out.add(new StreetFigures(s, st.getValue(),
                    batches.getOrDefault(s, 0), trained.size(), passed, failed, certified.getOrDefault(s, 0), open,
                    approved.getOrDefault(s, 0) + failed));
        }
        return out;
    }
}
