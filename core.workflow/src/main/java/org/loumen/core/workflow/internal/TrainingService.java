package org.loumen.core.workflow.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.loumen.web.ApiException;
import org.loumen.web.Inputs;
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

    record BatchDraft(String title, LocalDate startsOn, LocalDate endsOn, String place, List<String> trainers,
            List<String> curriculum) {
    }

    record Batch(long id, String street, String streetName, String title, LocalDate startsOn, LocalDate endsOn,
            String place, List<String> trainers, List<String> curriculum, List<LocalDate> days, int enrolled,
            int passed, int failed, int absent, int certified, String createdBy) {
    }

    record RosterRow(long leader, String name, String community, String communityName, String status,
            List<LocalDate> attended, String result, String note, String workId, LocalDate armbandOn) {
    }

    record Candidate(long leader, String name, String community, String communityName, String status,
            boolean retake) {
    }

    record Enrolment(Long batch, String title, LocalDate startsOn, LocalDate endsOn, String result, String note,
            int daysAttended, int days, String workId, LocalDate armbandOn, Instant enrolledAt) {
    }

    record StreetFigures(String street, String streetName, int batches, int trained, int passed, int failed,
            int certified, int inTraining, int waiting) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(TrainingService.class);

    private final JpaTemplate jpa;
    private final LeaderService leaders;
    private final OrganisationService organisation;
    private final LifecycleService lifecycle;
    private volatile String pattern = TrainingRules.DEFAULT_PATTERN;

    @Activate
    public TrainingService(@Reference(target = "(osgi.unit.name=loumen.workflow)") JpaTemplate jpa,
            @Reference LeaderService leaders, @Reference OrganisationService organisation,
            @Reference LifecycleService lifecycle, Config config) {
        this.jpa = jpa;
        this.leaders = leaders;
        this.organisation = organisation;
        this.lifecycle = lifecycle;
        modified(config);
    }

    @Modified
    void modified(Config config) {
        String p = config.workIdPattern();
        // a pattern that cannot make work IDs is ignored (and the default kept) rather than failing certification
        this.pattern = TrainingRules.patternProblem(p) == null ? p : TrainingRules.DEFAULT_PATTERN;
    }

    /** The results of a leader's onboarding enrolments, oldest first (null: not yet assessed). */
    static List<Result> results(EntityManager em, long leader) {
        return em.createQuery("select e.result from TrainingEnrolmentEntity e where e.leader = :l order by e.id",
                String.class).setParameter("l", leader).getResultList().stream()
                .map(r -> r == null ? null : Result.valueOf(r)).toList();
    }

    // ---- batches

    Batch create(String street, BatchDraft d, String actor) throws ApiException {
        if (organisation.street(street).isEmpty()) {
            throw ApiException.notFound("街镇", "street", street);
        }
        String title = Inputs.text("title", d.title(), false);
        if (title == null || title.isBlank() || title.length() > 100) {
            throw ApiException.invalidField("title", "请填写培训班名称（1-100 字） / title is required (1-100)");
        }
        if (d.startsOn() == null || Inputs.dateProblem(d.startsOn()) != null) {
            throw ApiException.invalidField("startsOn", "请填写开班日期 / startsOn is required");
        }
        if (d.endsOn() == null || d.endsOn().isBefore(d.startsOn()) || d.endsOn().isAfter(d.startsOn().plusDays(30))) {
            throw ApiException.invalidField("endsOn", "结业日期须在开班日期当天或之后，且不超过 30 天 / endsOn is on or "
                    + "after startsOn, within 30 days");
        }
        String place = Inputs.text("place", d.place(), false);
        if (place == null || place.isBlank() || place.length() > 200) {
            throw ApiException.invalidField("place", "请填写培训地点（1-200 字） / place is required (1-200)");
        }
        List<String> trainers = lines("trainers", d.trainers(), 20, 50, "请填写至少一位授课人 / at least one trainer");
        List<String> curriculum = lines("curriculum", d.curriculum(), 30, 100,
                "请填写至少一项课程 / at least one curriculum item");
        long id = jpa.txExpr(em -> {
            TrainingBatchEntity b = new TrainingBatchEntity();
            b.street = street;
            b.title = title.strip();
            b.startsOn = d.startsOn();
            b.endsOn = d.endsOn();
            b.place = place.strip();
            b.trainers = String.join("\n", trainers);
            b.curriculum = String.join("\n", curriculum);
            b.createdBy = actor;
            b.createdAt = System.currentTimeMillis();
            em.persist(b);
            em.flush();
            return b.id;
        });
        return batch(id).orElseThrow();
    }

    private static List<String> lines(String field, List<String> items, int max, int length, String missing)
            throws ApiException {
        List<String> out = new ArrayList<>();
        for (String s : items == null ? List.<String>of() : items) {
            String t = Inputs.text(field, s, false);
            if (t != null && !t.isBlank()) {
                if (t.strip().length() > length) {
                    throw ApiException.invalidField(field, "每项不超过 " + length + " 字 / each item up to " + length
                            + " characters");
                }
                out.add(t.strip());
            }
        }
        if (out.isEmpty()) {
            throw ApiException.invalidField(field, missing);
        }
        if (out.size() > max) {
            throw ApiException.invalidField(field, "最多 " + max + " 项 / at most " + max + " items");
        }
        return out;
    }

    Optional<Batch> batch(long id) {
        return jpa.txExpr(em -> Optional.ofNullable(em.find(TrainingBatchEntity.class, id)).map(b -> view(em, b)));
    }

    /** The street of a batch, for the access rule. */
    Optional<String> streetOf(long id) {
        return jpa.txExpr(em -> Optional.ofNullable(em.find(TrainingBatchEntity.class, id)).map(b -> b.street));
    }

    /** The batches of the streets within the scopes (a street admin's street, the streets of a secretary's communities). */
    List<Batch> batches(Set<String> scopes, String street) {
        Set<String> streets = new TreeSet<>();
        for (String s : scopes) {
            if (s.length() <= 9) {
                for (Street st : organisation.streets()) {
                    if (st.code().startsWith(s)) {
                        streets.add(st.code());
                    }
                }
            } else {
                streets.add(s.substring(0, 9));
            }
        }
        if (street != null) {
            streets.retainAll(Set.of(street));
        }
        if (streets.isEmpty()) {
            return List.of();
        }
        return jpa.txExpr(em -> em.createQuery("select b from TrainingBatchEntity b where b.street in :s "
                + "order by b.startsOn desc, b.id desc", TrainingBatchEntity.class).setParameter("s", streets)
                .getResultList().stream().map(b -> view(em, b)).toList());
    }

    private Batch view(EntityManager em, TrainingBatchEntity b) {
        List<TrainingEnrolmentEntity> es = enrolments(em, b.id);
        int passed = 0;
        int failed = 0;
        int absent = 0;
        int certified = 0;
        for (TrainingEnrolmentEntity e : es) {
            passed += "PASSED".equals(e.result) ? 1 : 0;
            failed += "FAILED".equals(e.result) ? 1 : 0;
            absent += "ABSENT".equals(e.result) ? 1 : 0;
            certified += e.workId != null ? 1 : 0;
        }
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = b.startsOn; !d.isAfter(b.endsOn); d = d.plusDays(1)) {
            days.add(d);
        }
        return new Batch(b.id, b.street, organisation.street(b.street).map(Street::name).orElse(b.street), b.title,
                b.startsOn, b.endsOn, b.place, Arrays.asList(b.trainers.split("\n")),
                Arrays.asList(b.curriculum.split("\n")), days, es.size(), passed, failed, absent, certified,
                b.createdBy);
    }

    private static List<TrainingEnrolmentEntity> enrolments(EntityManager em, long batch) {
        return em.createQuery("select e from TrainingEnrolmentEntity e where e.batch = :b order by e.id",
                TrainingEnrolmentEntity.class).setParameter("b", batch).getResultList();
    }

    private TrainingBatchEntity existingBatch(EntityManager em, long id) {
        TrainingBatchEntity b = em.find(TrainingBatchEntity.class, id);
        if (b == null) {
            throw new IllegalStateException("batch " + id);
        }
        return b;
    }

    // ---- roster and candidates

    List<RosterRow> roster(long batch) {
        return jpa.txExpr(em -> {
            existingBatch(em, batch);
            Map<Long, List<LocalDate>> days = new HashMap<>();
            for (TrainingAttendanceEntity a : em.createQuery("select a from TrainingAttendanceEntity a where "
                    + "a.batch = :b order by a.attendedOn", TrainingAttendanceEntity.class).setParameter("b", batch)
                    .getResultList()) {
                days.computeIfAbsent(a.leader, k -> new ArrayList<>()).add(a.attendedOn);
            }
            List<TrainingEnrolmentEntity> es = enrolments(em, batch);
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
    List<Candidate> candidates(long batch) throws ApiException {
        String street = streetOf(batch).orElseThrow(() -> ApiException.notFound("培训班", "batch", "" + batch));
        Set<Long> enrolled = jpa.txExpr(em -> new HashSet<>(em.createQuery("select e.leader from "
                + "TrainingEnrolmentEntity e where e.batch = :b", Long.class).setParameter("b", batch)
                .getResultList()));
        List<Candidate> out = new ArrayList<>();
        List<Leader> pool = new ArrayList<>(ofStatus(street, LeaderStatus.APPROVED));
        pool.addAll(ofStatus(street, LeaderStatus.IN_TRAINING));
        Map<String, String> names = Scopes.communityNames(organisation, pool.stream().map(Leader::community)
                .toList());
        for (Leader l : pool) {
            if (enrolled.contains(l.id())) {
                continue;
            }
            List<Result> results = jpa.txExpr(em -> results(em, l.id()));
            if (!TrainingRules.mayEnrol(results)) {
                continue;
            }
            out.add(new Candidate(l.id(), l.name(), l.community(), names.getOrDefault(l.community(), l.community()),
                    l.status().name(), TrainingRules.standing(results) == Standing.RETAKE));
        }
        return out;
    }

    private List<Leader> ofStatus(String street, LeaderStatus status) {
        return Pages.all(n -> leaders.find(Set.of(street), new LeaderQuery(street, null, null, status, null, null,
                null), n, Pages.SIZE, "name").items());
    }

    // ---- enrolment, attendance, assessment, certification

    /**
     * Enrols the leaders, all or none: each must be of the batch's street and free to enrol.
     *
     * <p>Enrolments in a street are made one at a time on every node: the street's batch rows stay locked in the
     * database while the leaders are checked, moved to IN_TRAINING and enrolled, so two requests never both find a
     * leader free. The status moves are the model's own writes; if one is refused (someone changed that leader
     * meanwhile) the moves already made are undone and the enrolments are not kept.
     */
    List<RosterRow> enrol(long batch, List<Long> ids, String actor) throws ApiException {
        TrainingBatchEntity b = jpa.txExpr(em -> em.find(TrainingBatchEntity.class, batch));
        if (b == null) {
            throw ApiException.notFound("培训班", "batch", "" + batch);
        }
        if (ids == null || ids.isEmpty() || ids.size() > 500) {
            throw ApiException.invalidField("leaders", "请选择 1 至 500 位楼门栋长 / choose 1 to 500 leaders");
        }
        try {
            jpa.tx(em -> {
                em.createQuery("select b from TrainingBatchEntity b where b.street = :s", TrainingBatchEntity.class)
                        .setParameter("s", b.street).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
                List<Long> moved = new ArrayList<>();
                try {
                    for (Leader l : enrollable(em, b, ids)) {
                        if (l.status() == LeaderStatus.APPROVED) {
                            lifecycle.move(l.id(), LeaderStatus.IN_TRAINING, actor, null, "batch " + b.id + " "
                                    + b.title + " from " + b.startsOn, null, Map.of("batch", b.id));
                            moved.add(l.id());
                        }
                        em.persist(enrolment(batch, null, l, actor));
                    }
                    em.flush();
                } catch (ApiException e) {
                    undo(moved);
                    throw new Refused(e);
                } catch (RuntimeException e) {
                    undo(moved);
                    throw e;
                }
            });
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof Refused r) {
                    throw r.refusal; // the template may have wrapped it
                }
            }
            throw e;
        }
        return roster(batch);
    }

    /** The chosen leaders if every one may join the batch; otherwise the refusal naming the first who may not. */
    private List<Leader> enrollable(EntityManager em, TrainingBatchEntity b, List<Long> ids) throws ApiException {
        List<Leader> chosen = new ArrayList<>();
        for (Long id : new LinkedHashSet<>(ids)) {
            Leader l = id == null ? null : leaders.leader(id).filter(x -> b.street.equals(x.street())).orElse(null);
            if (l == null) {
                throw ApiException.invalidField("leaders", "本街镇没有楼门栋长 " + id + " / no leader " + id
                        + " in the street");
            }
            boolean inBatch = !em.createQuery("select e.id from TrainingEnrolmentEntity e where e.batch = :b and "
                    + "e.leader = :l", Long.class).setParameter("b", b.id).setParameter("l", id).getResultList()
                    .isEmpty();
            boolean free = (l.status() == LeaderStatus.APPROVED || l.status() == LeaderStatus.IN_TRAINING)
                    && TrainingRules.mayEnrol(results(em, id)) && !inBatch;
            if (!free) {
                throw new ApiException(409, "not-enrollable", l.name() + "不能报名：须为已通过审议的候选人，或上次培训"
                        + "未通过 / " + l.name() + " cannot be enrolled: only approved candidates, or those whose last "
                        + "training was failed or missed", "leaders").with("leader", id);
            }
            chosen.add(l);
        }
        return chosen;
    }

    /** Puts leaders moved by an enrolment that is not kept back to APPROVED (the model's write, outside this one). */
    private void undo(List<Long> moved) {
        for (Long id : moved) {
            try {
                leaders.changeStatus(id, LeaderStatus.APPROVED, null);
            } catch (Exception e) {
                LOG.error("Enrolment not kept, but leader {} could not be put back to APPROVED", id, e);
            }
        }
    }

    /** Carries a refusal out of a transaction, which it rolls back. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final ApiException refusal;

        Refused(ApiException refusal) {
            super(refusal.getMessage(), null, false, false);
            this.refusal = refusal;
        }
    }

    /** The older free-text route: an enrolment in a session known by name only. */
    void enrolInSession(Leader l, String session, String actor) {
        jpa.tx(em -> em.persist(enrolment(null, session, l, actor)));
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
    List<RosterRow> attendance(long batch, LocalDate day, List<Long> present) throws ApiException {
        TrainingBatchEntity b = jpa.txExpr(em -> em.find(TrainingBatchEntity.class, batch));
        if (b == null) {
            throw ApiException.notFound("培训班", "batch", "" + batch);
        }
        if (!TrainingRules.withinBatch(day, b.startsOn, b.endsOn)) {
            throw ApiException.invalidField("day", "日期须在培训班起止日期之内 / day must lie within the batch");
        }
        Set<Long> ids = new TreeSet<>();
        for (Long id : present == null ? List.<Long>of() : present) {
            if (id == null) {
                throw ApiException.invalidField("present", "名单里有空值 / the list holds an empty value");
            }
            ids.add(id);
        }
        Set<Long> enrolled = jpa.txExpr(em -> new HashSet<>(em.createQuery("select e.leader from "
                + "TrainingEnrolmentEntity e where e.batch = :b", Long.class).setParameter("b", batch)
                .getResultList()));
        for (Long id : ids) {
            if (!enrolled.contains(id)) {
                throw ApiException.invalidField("present", "楼门栋长 " + id + " 未报名本班 / leader " + id
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
    RosterRow assess(long batch, long leader, Result result, String note, String actor) throws ApiException {
        checkResult(result, note);
        String problem = jpa.txExpr(em -> {
            List<TrainingEnrolmentEntity> es = em.createQuery("select e from TrainingEnrolmentEntity e where "
                    + "e.batch = :b and e.leader = :l", TrainingEnrolmentEntity.class).setParameter("b", batch)
                    .setParameter("l", leader).getResultList();
            if (es.isEmpty()) {
                return "not-enrolled";
            }
            TrainingEnrolmentEntity e = es.get(0);
            if (e.workId != null) {
                return "certified";
            }
            // a later enrolment exists: this one is history
            boolean later = !em.createQuery("select e.id from TrainingEnrolmentEntity e where e.leader = :l and "
                    + "e.id > :id", Long.class).setParameter("l", leader).setParameter("id", e.id).getResultList()
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
            throw ApiException.invalidField("leader", "该楼门栋长未报名本班 / the leader is not enrolled in this batch");
        }
        if (problem != null) {
            throw ApiException.conflict(problem.equals("certified") ? "already-certified" : "superseded",
                    problem.equals("certified") ? "已发证，考核结果不能再改 / certified: the result is final"
                            : "该楼门栋长已报名后续培训班，本班结果为历史记录 / enrolled in a later batch: this result is "
                                    + "history");
        }
        return roster(batch).stream().filter(r -> r.leader() == leader).findFirst().orElseThrow();
    }

    /** Assesses the leader's open enrolment, whatever its batch or session (the route on the leader's page). */
    void assessLeader(long leader, Result result, String note, String actor) throws ApiException {
        checkResult(result, note);
        boolean done = jpa.txExpr(em -> {
            List<TrainingEnrolmentEntity> es = em.createQuery("select e from TrainingEnrolmentEntity e where "
                    + "e.leader = :l order by e.id desc", TrainingEnrolmentEntity.class).setParameter("l", leader)
                    .setMaxResults(1).getResultList();
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
            throw ApiException.conflict("not-in-training", "该楼门栋长没有待考核的培训 / the leader has no training to "
                    + "assess");
        }
    }

    private static void checkResult(Result result, String note) throws ApiException {
        if (result == null) {
            throw ApiException.invalidField("result", "须为 PASSED（合格）、FAILED（不合格）或 ABSENT（缺考） / result "
                    + "is PASSED, FAILED or ABSENT");
        }
        if (note != null && note.length() > 500) {
            throw ApiException.invalidField("note", "备注不超过 500 字 / note up to 500 characters");
        }
        if (result != Result.PASSED && (note == null || note.isBlank())) {
            throw ApiException.invalidField("note", "不合格或缺考请写明情况 / a note is required when not passed");
        }
    }

    /**
     * Certifies a leader who passed in the batch: issues the work ID (given, or made by the configured pattern) and
     * records the armband. The pass rule itself is checked by {@link LifecycleService#move}.
     */
    Leader certify(long batch, long leader, String workId, LocalDate armbandOn, String actor) throws ApiException {
        TrainingBatchEntity b = jpa.txExpr(em -> em.find(TrainingBatchEntity.class, batch));
        if (b == null) {
            throw ApiException.notFound("培训班", "batch", "" + batch);
        }
        boolean enrolled = jpa.txExpr(em -> !em.createQuery("select e.id from TrainingEnrolmentEntity e where "
                + "e.batch = :b and e.leader = :l", Long.class).setParameter("b", batch).setParameter("l", leader)
                .getResultList().isEmpty());
        if (!enrolled) {
            throw ApiException.invalidField("leader", "该楼门栋长未报名本班 / the leader is not enrolled in this batch");
        }
        return certify(leader, workId, armbandOn, actor);
    }

    /** Certifies a leader who passed their latest training (both routes end here). */
    Leader certify(long leader, String workId, LocalDate armbandOn, String actor) throws ApiException {
        if (armbandOn == null || Inputs.dateProblem(armbandOn) != null) {
            throw ApiException.invalidField("armbandIssuedOn", "请填写袖标发放日期 / armbandIssuedOn is required");
        }
        Leader l = leaders.leader(leader).orElseThrow(() -> ApiException.notFound("楼门栋长", "leader", "" + leader));
        String id = workId == null || workId.isBlank() ? null : workId.strip();
        if (id != null && !TrainingRules.WORK_ID.matcher(id).matches()) {
            throw ApiException.invalidField("workId", "工作证号须为 1 至 32 位字母、数字或 - / workId is 1-32 letters, "
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
                    + "e.leader = :l order by e.id desc", TrainingEnrolmentEntity.class).setParameter("l", leader)
                    .setMaxResults(1).getResultList();
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
                    + "e.leader = :l order by e.id", TrainingEnrolmentEntity.class).setParameter("l", leader)
                    .getResultList()) {
                TrainingBatchEntity b = e.batch == null ? null : em.find(TrainingBatchEntity.class, e.batch);
                int attended = b == null ? 0 : em.createQuery("select count(a) from TrainingAttendanceEntity a where "
                        + "a.batch = :b and a.leader = :l", Long.class).setParameter("b", b.id)
                        .setParameter("l", leader).getSingleResult().intValue();
                int days = b == null ? 0 : (int) (b.endsOn.toEpochDay() - b.startsOn.toEpochDay() + 1);
                out.add(new Enrolment(e.batch, b == null ? e.session : b.title, b == null ? null : b.startsOn,
                        b == null ? null : b.endsOn, e.result, e.note, attended, days, e.workId, e.armbandOn,
                        Instant.ofEpochMilli(e.enrolledAt)));
            }
            return out;
        });
    }

    /**
     * Per street within the scopes: batches, leaders trained (enrolled at least once), passed (latest result a pass),
     * failed (latest a fail or absence), certified through training, in training now (open enrolment), and waiting
     * (approved and never enrolled, or to retake).
     */
    List<StreetFigures> figures(Set<String> scopes, String street) {
        Set<String> streets = new TreeSet<>();
        for (Street st : organisation.streets()) {
            boolean in = scopes.stream().anyMatch(s -> st.code().startsWith(s) || s.startsWith(st.code()));
            if (in && (street == null || street.equals(st.code()))) {
                streets.add(st.code());
            }
        }
        List<StreetFigures> out = new ArrayList<>();
        for (String s : streets) {
            Set<String> within = Scopes.within(scopes, s);
            Map<Long, List<Result>> byLeader = new TreeMap<>();
            int[] batches = { 0 };
            jpa.tx(em -> {
                batches[0] = em.createQuery("select count(b) from TrainingBatchEntity b where b.street = :s",
                        Long.class).setParameter("s", s).getSingleResult().intValue();
                var q = em.createQuery("select e from TrainingEnrolmentEntity e where "
                        + Scopes.clause("e.community", within) + " order by e.id", TrainingEnrolmentEntity.class);
                Scopes.bind(q, within);
                for (TrainingEnrolmentEntity e : q.getResultList()) {
                    byLeader.computeIfAbsent(e.leader, k -> new ArrayList<>()).add(e.result == null ? null
                            : Result.valueOf(e.result));
                }
            });
            int passed = 0;
            int failed = 0;
            int open = 0;
            for (List<Result> rs : byLeader.values()) {
                switch (TrainingRules.standing(rs)) {
                    case PASSED -> passed++;
                    case RETAKE -> failed++;
                    case OPEN -> open++;
                    default -> {
                    }
                }
            }
            int approved = 0;
            int certified;
            for (String w : within) {
                approved += (int) leaders.find(Set.of(w), new LeaderQuery(s, null, null, LeaderStatus.APPROVED, null,
                        null, null), 1, 1, "id").total();
            }
            certified = jpa.txExpr(em -> {
                var q = em.createQuery("select count(e) from TrainingEnrolmentEntity e where e.workId is not null and "
                        + Scopes.clause("e.community", within), Long.class);
                Scopes.bind(q, within);
                return q.getSingleResult().intValue();
            });
            out.add(new StreetFigures(s, organisation.street(s).map(Street::name).orElse(s), batches[0],
                    byLeader.size(), passed, failed, certified, open, approved + failed));
        }
        return out;
    }
}
