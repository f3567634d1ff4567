package org.loumen.plugin.elder.smartphone.training.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.loumen.core.model.DivisionCodes;
import org.loumen.core.model.ChinaTime;
import org.loumen.programme.Programme;
import org.loumen.programme.ProgrammeDefinition;
import org.loumen.programme.ProgrammeRequest;
import org.loumen.programme.ProgrammeRoutes;
import org.loumen.programme.data.HouseholdView;
import org.loumen.programme.data.LeaderView;
import org.loumen.programme.data.PersonalData;
import org.loumen.security.Role;
import org.loumen.web.ApiException;
import org.loumen.web.ApiResponse;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Elder smartphone training (老年人智能手机培训): a community runs courses of lessons (课次) taught by a leader or a
 * volunteer; leaders and staff enrol elders of the households they serve; the trainer takes each lesson's roll and
 * ticks the skills checklist (健康码, 移动支付, 视频通话, 网约车, 预约挂号, 防诈骗); a trainee whose checklist is done has
 * completed and gets a certificate; the street sees its figures. Personal data of the core only as declared: leaders'
 * names (trainers) and households (the trainee's home); the programme itself keeps the trainee's name and birth year.
 */
@Component(service = Programme.class)
@ProgrammeDefinition(id = "elder-smartphone-training", nameZh = "老年人智能手机培训",
        nameEn = "Elder smartphone training", descriptionZh = "帮助老年人跨越数字鸿沟：培训班与课次、签到、技能清单、结业证书与统计",
        descriptionEn = "Courses and lessons, attendance, a skills checklist, completion certificates and figures that "
                + "help elders use smartphones",
        roles = { Role.DISTRICT_ADMIN, Role.STREET_ADMIN, Role.COMMUNITY_SECRETARY, Role.LEADER },
        consoleResources = "/console", consoleMenuZh = "老年人智能手机培训", consoleMenuEn = "Elder smartphone training",
        demoStreets = { DemoSeed.STREET })
public final class ElderSmartphoneTraining implements Programme {

    static final ZoneId CHINA = ChinaTime.ZONE;
    static final Role[] ORGANISERS = { Role.DISTRICT_ADMIN, Role.STREET_ADMIN, Role.COMMUNITY_SECRETARY };

    private final JpaTemplate jpa;
    private final DemoSeed demo;

    @Activate
    public ElderSmartphoneTraining(BundleContext context,
            @Reference(target = "(osgi.unit.name=loumen.programme.elder-smartphone-training)") JpaTemplate jpa) {
        this.jpa = jpa;
        this.demo = new DemoSeed(this, jpa, Boolean.parseBoolean(context.getProperty("loumen.demo")));
    }

    @Override
    public void routes(ProgrammeRoutes routes) {
        routes.reads(PersonalData.LEADER_NAMES, PersonalData.HOUSEHOLDS)
                .get("/courses", this::courses)
                .post("/courses", this::addCourse, ORGANISERS)
                .get("/courses/{course}", this::detail)
                .post("/courses/{course}/cancellation", this::cancel, ORGANISERS)
                .post("/courses/{course}/sessions", this::addSession, ORGANISERS)
                .get("/courses/{course}/sessions/{session}/attendance", this::roll)
                .put("/courses/{course}/sessions/{session}/attendance", this::takeRoll)
                .get("/courses/{course}/trainees", r -> detail(course(r), r, false).trainees())
                .post("/courses/{course}/trainees", this::enrol)
                .post("/courses/{course}/trainees/{trainee}/withdrawal", this::withdraw)
                .post("/courses/{course}/trainees/{trainee}/skills", this::tick)
                .post("/courses/{course}/trainees/{trainee}/completion", this::complete)
                .get("/courses/{course}/trainees/{trainee}/certificate", this::certificate)
                .get("/statistics", this::statistics, ORGANISERS)
                .get("/trainers", this::trainers, ORGANISERS)
                .get("/households", this::households);
    }

    /**
     * Whether the caller works in the community: staff at or above it, and leaders bound to one of its buildings or
     * units (their scopes lie below the community), who enrol the elders they serve.
     */
    static boolean worksIn(ProgrammeRequest r, String community) {
        return r.scopes().stream().anyMatch(s -> community.startsWith(s) || s.startsWith(community));
    }

    static LocalDate today() {
        return LocalDate.now(CHINA);
    }

    private static boolean organiser(ProgrammeRequest r) {
        return r.caller().holdsAny(List.of(ORGANISERS));
    }

    // ---- courses

    private List<Views.Course> courses(ProgrammeRequest r) throws ApiException {
        demo.seedIfDue(r);
        List<CourseEntity> courses = streetCourses(r);
        Counts n = counts(courses);
        return courses.stream().map(c -> n.course(c)).toList();
    }

    /** The street's courses the caller works in, newest first. */
    List<CourseEntity> streetCourses(ProgrammeRequest r) {
        return jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                "SELECT c FROM CourseEntity c WHERE c.street = :s ORDER BY c.startsOn DESC, c.id DESC",
                CourseEntity.class).setParameter("s", r.street()).getResultList()).stream()
                .filter(c -> worksIn(r, c.community)).toList();
    }

    private ApiResponse addCourse(ProgrammeRequest r) throws ApiException {
        Courses.NewCourse body = r.body(Courses.NewCourse.class);
        String community = r.community("community", body.community());
        Courses.check(body, today());
        CourseEntity saved = createCourse(r.street(), community, body);
        r.auditDetail("course " + saved.id);
        return ApiResponse.created(counts(List.of(saved)).course(saved));
    }

    CourseEntity createCourse(String street, String community, Courses.NewCourse body) {
        return jpa.txExpr(TransactionType.Required, em -> {
            CourseEntity c = new CourseEntity();
            c.street = street;
            c.community = community;
            c.title = body.title().strip();
            c.skills = (body.skills() == null ? Skill.CHECKLIST : body.skills()).stream().distinct().sorted()
                    .map(Enum::name).collect(Collectors.joining(";"));
            c.startsOn = body.startsOn();
            c.capacity = body.capacity();
            c.volunteers = body.volunteers() == null || body.volunteers().isEmpty() ? null
                    : body.volunteers().stream().map(String::strip).distinct().collect(Collectors.joining(";"));
            em.persist(c);
            em.flush();
            return c;
        });
    }

    private CourseEntity course(ProgrammeRequest r) throws ApiException {
        long id = r.pathId("course").orElse(-1L);
        CourseEntity c = jpa.txExpr(TransactionType.Required, em -> em.find(CourseEntity.class, id));
        if (c == null || !c.street.equals(r.street()) || !worksIn(r, c.community)) {
            throw new ApiException(404, "not-found", "未找到培训班 / no such course");
        }
        return c;
    }

    private Views.CourseDetail detail(ProgrammeRequest r) throws ApiException {
        CourseEntity c = course(r);
        return detail(c, r, true);
    }

    private Views.CourseDetail detail(CourseEntity c, ProgrammeRequest r, boolean withTrainer) {
        Counts n = counts(List.of(c));
        List<SessionEntity> sessions = sessions(c.id);
        return new Views.CourseDetail(n.course(c), sessions.stream().map(n::session).toList(),
                n.trainees.getOrDefault(c.id, List.of()).stream().map(n::trainee).toList(),
                withTrainer && mayTrain(r, sessions));
    }

    private ApiResponse cancel(ProgrammeRequest r) throws ApiException {
        CourseEntity c = course(r);
        Courses.Cancellation body = r.body(Courses.Cancellation.class);
        Courses.check(body);
        synchronized (this) {
            CourseEntity now = jpa.txExpr(TransactionType.Required, em -> em.find(CourseEntity.class, c.id));
            Rules.checkCancel(now.cancelledOn, counts(List.of(now)).completed(now.id));
            jpa.txExpr(TransactionType.Required, em -> {
                CourseEntity e = em.find(CourseEntity.class, c.id);
                e.cancelledOn = today();
                e.cancelReason = body.reason().strip();
                return e;
            });
        }
        r.auditDetail("course " + c.id + " cancelled");
        return ApiResponse.of(200, detail(course(r), r, true).course());
    }

    // ---- sessions and the roll

    private List<SessionEntity> sessions(long course) {
        return jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                "SELECT s FROM SessionEntity s WHERE s.course = :c ORDER BY s.heldOn, s.startsAt, s.id",
                SessionEntity.class).setParameter("c", course).getResultList());
    }

    private ApiResponse addSession(ProgrammeRequest r) throws ApiException {
        CourseEntity c = course(r);
        Courses.NewSession body = r.body(Courses.NewSession.class);
        Courses.check(body, c.startsOn);
        Rules.checkRunning(c.cancelledOn);
        String trainer;
        if (body.trainerLeader() != null) {
            Optional<LeaderView> leader = r.data().leader(body.trainerLeader());
            if (leader.isEmpty()) {
                throw new ApiException(404, "not-found", "未找到这位楼门栋长 / no such leader in your part of the street",
                        "trainerLeader");
            }
            trainer = leader.get().name();
        } else {
            trainer = body.trainerVolunteer().strip();
            if (!Views.volunteers(c).contains(trainer)) {
                throw ApiException.invalidField("trainerVolunteer", "须为本班的志愿者讲师：" + Views.volunteers(c)
                        + " / trainerVolunteer must be one of the course's volunteers");
            }
        }
        SessionEntity saved = addSession(c, body, trainer);
        r.auditDetail("session " + saved.id + " of course " + c.id);
        return ApiResponse.created(Views.Session.of(saved, 0, 0));
    }

    SessionEntity addSession(CourseEntity c, Courses.NewSession body, String trainer) {
        return jpa.txExpr(TransactionType.Required, em -> {
            SessionEntity s = new SessionEntity();
            s.course = c.id;
            s.heldOn = body.heldOn();
            s.startsAt = body.startsAt() == null || body.startsAt().isBlank() ? null : body.startsAt();
            s.place = body.place().strip();
            s.topic = body.topic() == null || body.topic().isBlank() ? null : body.topic().strip();
            s.trainerLeader = body.trainerLeader();
            s.trainerName = trainer;
            em.persist(s);
            em.flush();
            return s;
        });
    }

    private SessionEntity session(ProgrammeRequest r, CourseEntity c) throws ApiException {
        long id = r.pathId("session").orElse(-1L);
        SessionEntity s = jpa.txExpr(TransactionType.Required, em -> em.find(SessionEntity.class, id));
        if (s == null || s.course != c.id) {
            throw new ApiException(404, "not-found", "未找到课次 / no such session");
        }
        return s;
    }

    /** Staff of the community, or a leader who trains one of the course's lessons (the roll and the checklist). */
    private boolean mayTrain(ProgrammeRequest r, List<SessionEntity> sessions) {
        Long leader = r.caller().leaderId();
        return organiser(r) || leader != null && sessions.stream().anyMatch(s -> leader.equals(s.trainerLeader));
    }

    private void checkTrainer(ProgrammeRequest r, CourseEntity c) throws ApiException {
        if (!mayTrain(r, sessions(c.id))) {
            throw new ApiException(403, "not-trainer", "只有本班讲师或社区工作人员可以签到和勾选技能 / only the course's "
                    + "trainers and community staff take the roll and tick skills");
        }
    }

    private List<Views.RollEntry> roll(ProgrammeRequest r) throws ApiException {
        CourseEntity c = course(r);
        SessionEntity s = session(r, c);
        Map<Long, Boolean> marks = jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                "SELECT a FROM AttendanceEntity a WHERE a.session = :s", AttendanceEntity.class)
                .setParameter("s", s.id).getResultList()).stream()
                .collect(Collectors.toMap(a -> a.trainee, a -> a.present));
        return trainees(List.of(c.id)).stream().filter(t -> t.withdrawnOn == null || marks.containsKey(t.id))
                .map(t -> new Views.RollEntry(t.id, t.name, marks.get(t.id))).toList();
    }

    private Views.Session takeRoll(ProgrammeRequest r) throws ApiException {
        CourseEntity c = course(r);
        SessionEntity s = session(r, c);
        Courses.Roll body = r.body(Courses.Roll.class);
        Courses.check(body);
        checkTrainer(r, c);
        Rules.checkRunning(c.cancelledOn);
        Rules.checkRoll(s.heldOn, today());
        List<TraineeEntity> active = trainees(List.of(c.id)).stream().filter(t -> t.withdrawnOn == null).toList();
        Set<Long> ids = active.stream().map(t -> t.id).collect(Collectors.toSet());
        for (Long p : body.present()) {
            if (!ids.contains(p)) {
                throw new ApiException(404, "not-found", "本班没有这位在册学员：" + p + " / no enrolled trainee " + p
                        + " in the course", "present");
            }
        }
        synchronized (this) {
            recordRoll(s, active, new HashSet<>(body.present()), r.caller().username());
        }
        r.auditDetail("roll of session " + s.id + ": " + body.present().size() + " of " + active.size() + " present");
        Counts n = counts(List.of(c));
        return n.session(s);
    }

    void recordRoll(SessionEntity s, List<TraineeEntity> active, Set<Long> present, String by) {
        jpa.txExpr(TransactionType.Required, em -> {
            Map<Long, AttendanceEntity> rows = em.createQuery("SELECT a FROM AttendanceEntity a WHERE a.session = :s",
                    AttendanceEntity.class).setParameter("s", s.id).getResultList().stream()
                    .collect(Collectors.toMap(a -> a.trainee, a -> a));
            for (TraineeEntity t : active) {
                AttendanceEntity a = rows.get(t.id);
                if (a == null) {
                    a = new AttendanceEntity();
                    a.session = s.id;
                    a.trainee = t.id;
                    em.persist(a);
                }
                a.present = present.contains(t.id);
                a.recordedBy = by;
                a.recordedAt = Instant.now();
            }
            return null;
        });
    }

    // ---- trainees

    private List<TraineeEntity> trainees(List<Long> courses) {
        if (courses.isEmpty()) {
            return List.of();
        }
        return jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                "SELECT t FROM TraineeEntity t WHERE t.course IN :c ORDER BY t.id", TraineeEntity.class)
                .setParameter("c", courses).getResultList());
    }

    private TraineeEntity trainee(ProgrammeRequest r, CourseEntity c) throws ApiException {
        long id = r.pathId("trainee").orElse(-1L);
        TraineeEntity t = jpa.txExpr(TransactionType.Required, em -> em.find(TraineeEntity.class, id));
        if (t == null || t.course != c.id) {
            throw new ApiException(404, "not-found", "未找到学员 / no such trainee");
        }
        return t;
    }

    /** The households of the caller's part of the course's community: the whole community for its staff. */
    private static List<HouseholdView> householdsOf(ProgrammeRequest r, String community) throws ApiException {
        return r.data().households(r.inScope(community) ? community : null).stream()
                .filter(h -> h.unit() != null && h.unit().startsWith(community)).toList();
    }

    private ApiResponse enrol(ProgrammeRequest r) throws ApiException {
        CourseEntity c = course(r);
        Courses.NewTrainee body = r.body(Courses.NewTrainee.class);
        Courses.check(body, today());
        Optional<HouseholdView> household = householdsOf(r, c.community).stream()
                .filter(h -> h.id() == body.household()).findFirst();
        if (household.isEmpty()) {
            throw new ApiException(404, "not-found", "未找到此住户（须为本社区、您负责的住户） / no such household of the "
                    + "course's community in your part of it", "household");
        }
        TraineeEntity saved;
        synchronized (this) {
            List<TraineeEntity> active = trainees(List.of(c.id)).stream().filter(t -> t.withdrawnOn == null).toList();
            boolean already = active.stream().anyMatch(t -> Objects.equals(t.household, body.household())
                    && t.name.equals(body.name().strip()));
            CourseEntity now = jpa.txExpr(TransactionType.Required, em -> em.find(CourseEntity.class, c.id));
            Rules.checkEnrol(now.cancelledOn != null, active.size(), now.capacity, already);
            saved = addTrainee(c, household.get(), body.name().strip(), body.birthYear(), today());
        }
        r.auditDetail("trainee " + saved.id + " in course " + c.id);
        return ApiResponse.created(counts(List.of(c)).trainee(saved));
    }

    TraineeEntity addTrainee(CourseEntity c, HouseholdView h, String name, int birthYear, LocalDate on) {
        return jpa.txExpr(TransactionType.Required, em -> {
            TraineeEntity t = new TraineeEntity();
            t.course = c.id;
            t.name = name;
            t.birthYear = birthYear;
            t.household = h.id();
            t.unit = h.unit();
            t.enrolledOn = on;
            em.persist(t);
            em.flush();
            return t;
        });
    }

    private Views.Trainee withdraw(ProgrammeRequest r) throws ApiException {
        CourseEntity c = course(r);
        TraineeEntity t = trainee(r, c);
        if (!organiser(r) && t.unit != null && !r.inScope(t.unit)) {
            throw new ApiException(404, "not-found", "未找到学员 / no such trainee");
        }
        synchronized (this) {
            TraineeEntity now = jpa.txExpr(TransactionType.Required, em -> em.find(TraineeEntity.class, t.id));
            Rules.checkWithdraw(now.withdrawnOn, now.completedOn);
            jpa.txExpr(TransactionType.Required, em -> {
                em.find(TraineeEntity.class, t.id).withdrawnOn = today();
                return null;
            });
        }
        r.auditDetail("trainee " + t.id + " withdrew from course " + c.id);
        return counts(List.of(c)).trainee(jpa.txExpr(TransactionType.Required, em -> em.find(TraineeEntity.class,
                t.id)));
    }

    private Views.Trainee tick(ProgrammeRequest r) throws ApiException {
        CourseEntity c = course(r);
        TraineeEntity t = trainee(r, c);
        Courses.Tick body = r.body(Courses.Tick.class);
        boolean mastered = body.mastered() == null || body.mastered();
        Rules.checkTick(Views.checklist(c), body.skill(), mastered, t.completedOn);
        checkTrainer(r, c);
        Rules.checkRunning(c.cancelledOn);
        Rules.checkActive(t.withdrawnOn);
        synchronized (this) {
            setTicks(c, t.id, mastered ? List.of(body.skill()) : List.of(), mastered ? List.of() : List.of(body
                    .skill()), today(), r.caller().username());
        }
        r.auditDetail("trainee " + t.id + (mastered ? " mastered " : " unticked ") + body.skill());
        return counts(List.of(c)).trainee(jpa.txExpr(TransactionType.Required, em -> em.find(TraineeEntity.class,
                t.id)));
    }

    /** Ticks and unticks skills; the trainee completes on the day the checklist is done (Rules.completion). */
    void setTicks(CourseEntity c, long trainee, List<Skill> tick, List<Skill> untick, LocalDate on, String by) {
        jpa.txExpr(TransactionType.Required, em -> {
            List<SkillTickEntity> rows = em.createQuery("SELECT k FROM SkillTickEntity k WHERE k.trainee = :t",
                    SkillTickEntity.class).setParameter("t", trainee).getResultList();
            Map<Skill, LocalDate> ticks = new EnumMap<>(Skill.class);
            for (SkillTickEntity k : rows) {
                if (untick.contains(Skill.valueOf(k.skill))) {
                    em.remove(k);
                } else {
                    ticks.put(Skill.valueOf(k.skill), k.tickedOn);
                }
            }
            for (Skill s : tick) {
                if (!ticks.containsKey(s)) {
                    SkillTickEntity k = new SkillTickEntity();
                    k.trainee = trainee;
                    k.skill = s.name();
                    k.tickedOn = on;
                    k.tickedBy = by;
                    em.persist(k);
                    ticks.put(s, on);
                }
            }
            TraineeEntity t = em.find(TraineeEntity.class, trainee);
            if (t.completedOn == null) {
                t.completedOn = Rules.completion(Views.checklist(c), ticks).orElse(null);
            }
            return null;
        });
    }

    /** The first version's route, kept: the trainer ticks every remaining skill at once, on {@code completedOn}. */
    private Views.Trainee complete(ProgrammeRequest r) throws ApiException {
        CourseEntity c = course(r);
        TraineeEntity t = trainee(r, c);
        Courses.Completion body = r.body(Courses.Completion.class);
        if (body.completedOn() == null || body.completedOn().isBefore(c.startsOn)
                || body.completedOn().isAfter(today())) {
            throw ApiException.invalidField("completedOn", "须在开班日与今天之间 / completedOn must lie between the "
                    + "course's start and today");
        }
        checkTrainer(r, c);
        Rules.checkRunning(c.cancelledOn);
        Rules.checkActive(t.withdrawnOn);
        synchronized (this) {
            setTicks(c, t.id, Views.checklist(c), List.of(), body.completedOn(), r.caller().username());
        }
        r.auditDetail("trainee " + t.id + " completed");
        return counts(List.of(c)).trainee(jpa.txExpr(TransactionType.Required, em -> em.find(TraineeEntity.class,
                t.id)));
    }

    private Views.Certificate certificate(ProgrammeRequest r) throws ApiException {
        CourseEntity c = course(r);
        TraineeEntity t = trainee(r, c);
        if (t.completedOn == null) {
            throw ApiException.conflict("not-completed", "学员尚未完成技能清单，还不能打印结业证书 / the trainee has not "
                    + "completed the checklist yet");
        }
        Counts n = counts(List.of(c));
        Map<Skill, LocalDate> ticks = n.ticks.getOrDefault(t.id, Map.of());
        List<Views.SkillLine> lines = Views.checklist(c).stream()
                .map(s -> new Views.SkillLine(s.name(), s.zh, s.en, ticks.get(s))).toList();
        long[] att = n.attendance.getOrDefault(t.id, new long[2]);
        r.auditDetail("certificate of trainee " + t.id);
        return new Views.Certificate(certificateNo(c, t), t.name, c.title, c.community, c.street, c.startsOn,
                t.completedOn, lines, sessions(c.id).size(), att[0]);
    }

    /** 证书编号: the street, the year of completion and the trainee's number, e.g. ZNSJ-120112103-2026-000042. */
    static String certificateNo(CourseEntity c, TraineeEntity t) {
        return String.format("ZNSJ-%s-%d-%06d", c.street, t.completedOn.getYear(), t.id);
    }

    // ---- figures

    private Views.Statistics statistics(ProgrammeRequest r) throws ApiException {
        demo.seedIfDue(r);
        List<CourseEntity> courses = streetCourses(r);
        Counts n = counts(courses);
        Map<String, List<CourseEntity>> byCommunity = new TreeMap<>(courses.stream()
                .collect(Collectors.groupingBy(c -> c.community)));
        List<Views.Figures> rows = new ArrayList<>();
        byCommunity.forEach((community, list) -> rows.add(n.figures(community, list)));
        return new Views.Statistics(r.street(), n.figures(null, courses), rows);
    }

    // ---- choices for the forms (declared data)

    private List<Views.TrainerChoice> trainers(ProgrammeRequest r) throws ApiException {
        String community = r.community("community", r.query("community").orElse(null));
        return r.data().leaders(community).stream().filter(l -> "IN_SERVICE".equals(l.status()))
                .map(l -> new Views.TrainerChoice(l.id(), l.name(), l.community())).toList();
    }

    private List<Views.HouseholdChoice> households(ProgrammeRequest r) throws ApiException {
        String code = r.query("community").orElse(null);
        if (!DivisionCodes.hasCommunityForm(code) || !code.startsWith(r.street()) || !worksIn(r, code)) {
            throw ApiException.invalidField("community", "请选择本街道您所在的社区（12 位代码） / community must be a "
                    + "community of the street you work in (12 digits)");
        }
        return householdsOf(r, code).stream()
                .sorted(Comparator.comparing(HouseholdView::unit).thenComparing(HouseholdView::room))
                .map(h -> new Views.HouseholdChoice(h.id(), h.unit(), h.room(), h.headName())).toList();
    }

    // ---- counting

    /** The trainees, ticks, lessons and roll of some courses, read once, and what is counted from them. */
    Counts counts(List<CourseEntity> courses) {
        List<Long> ids = courses.stream().map(c -> c.id).toList();
        List<TraineeEntity> trainees = trainees(ids);
        List<Long> tids = trainees.stream().map(t -> t.id).toList();
        List<SessionEntity> sessions = ids.isEmpty() ? List.of() : jpa.txExpr(TransactionType.Required,
                em -> em.createQuery("SELECT s FROM SessionEntity s WHERE s.course IN :c ORDER BY s.heldOn, s.id",
                        SessionEntity.class).setParameter("c", ids).getResultList());
        List<SkillTickEntity> ticks = tids.isEmpty() ? List.of() : jpa.txExpr(TransactionType.Required,
                em -> em.createQuery("SELECT k FROM SkillTickEntity k WHERE k.trainee IN :t", SkillTickEntity.class)
                        .setParameter("t", tids).getResultList());
        List<Long> sids = sessions.stream().map(s -> s.id).toList();
        List<AttendanceEntity> marks = sids.isEmpty() ? List.of() : jpa.txExpr(TransactionType.Required,
                em -> em.createQuery("SELECT a FROM AttendanceEntity a WHERE a.session IN :s", AttendanceEntity.class)
                        .setParameter("s", sids).getResultList());
        return new Counts(trainees, sessions, ticks, marks);
    }

    static final class Counts {
        final Map<Long, List<TraineeEntity>> trainees;
        final Map<Long, List<SessionEntity>> sessions;
        final Map<Long, Map<Skill, LocalDate>> ticks = new HashMap<>();
        /** per trainee and per session: {present, recorded} */
        final Map<Long, long[]> attendance = new HashMap<>();
        final Map<Long, long[]> bySession = new HashMap<>();

        Counts(List<TraineeEntity> trainees, List<SessionEntity> sessions, List<SkillTickEntity> ticks,
                List<AttendanceEntity> marks) {
            this.trainees = trainees.stream().collect(Collectors.groupingBy(t -> t.course, LinkedHashMap::new,
                    Collectors.toList()));
            this.sessions = sessions.stream().collect(Collectors.groupingBy(s -> s.course, LinkedHashMap::new,
                    Collectors.toList()));
            for (SkillTickEntity k : ticks) {
                this.ticks.computeIfAbsent(k.trainee, x -> new EnumMap<>(Skill.class)).put(Skill.valueOf(k.skill),
                        k.tickedOn);
            }
            for (AttendanceEntity a : marks) {
                long[] t = attendance.computeIfAbsent(a.trainee, x -> new long[2]);
                long[] s = bySession.computeIfAbsent(a.session, x -> new long[2]);
                if (a.present) {
                    t[0]++;
                    s[0]++;
                }
                t[1]++;
                s[1]++;
            }
        }

        long completed(long course) {
            return trainees.getOrDefault(course, List.of()).stream().filter(t -> t.completedOn != null).count();
        }

        long[] roll(long course) {
            long[] sum = new long[2];
            for (SessionEntity s : sessions.getOrDefault(course, List.of())) {
                long[] x = bySession.getOrDefault(s.id, new long[2]);
                sum[0] += x[0];
                sum[1] += x[1];
            }
            return sum;
        }

        Views.Course course(CourseEntity c) {
            List<TraineeEntity> ts = trainees.getOrDefault(c.id, List.of());
            long withdrawn = ts.stream().filter(t -> t.withdrawnOn != null).count();
            List<SessionEntity> ss = sessions.getOrDefault(c.id, List.of());
            LocalDate today = today();
            LocalDate next = ss.stream().map(s -> s.heldOn).filter(d -> !d.isBefore(today)).min(LocalDate::compareTo)
                    .orElse(null);
            long[] roll = roll(c.id);
            return new Views.Course(c.id, c.community, c.title, Views.checklist(c).stream().map(Enum::name).toList(),
                    c.startsOn, c.capacity, ts.size() - withdrawn, completed(c.id),
                    c.cancelledOn == null ? "OPEN" : "CANCELLED", c.cancelledOn, c.cancelReason, Views.volunteers(c),
                    withdrawn, ss.size(), next, Rules.percent(roll[0], roll[1]));
        }

        Views.Session session(SessionEntity s) {
            long[] x = bySession.getOrDefault(s.id, new long[2]);
            return Views.Session.of(s, x[0], x[1]);
        }

        Views.Trainee trainee(TraineeEntity t) {
            long[] x = attendance.getOrDefault(t.id, new long[2]);
            List<String> done = ticks.getOrDefault(t.id, Map.of()).keySet().stream().sorted().map(Enum::name)
                    .toList();
            return new Views.Trainee(t.id, t.course, t.name, t.birthYear, t.completedOn, t.household, t.unit,
                    t.enrolledOn, t.withdrawnOn, done, x[0], x[1]);
        }

        /** Figures of some courses: cancelled courses count as such, their trainees do not. */
        Views.Figures figures(String community, List<CourseEntity> courses) {
            long running = 0;
            long cancelled = 0;
            long enrolled = 0;
            long completed = 0;
            long present = 0;
            long recorded = 0;
            for (CourseEntity c : courses) {
                if (c.cancelledOn != null) {
                    cancelled++;
                    continue;
                }
                running++;
                List<TraineeEntity> ts = trainees.getOrDefault(c.id, List.of());
                enrolled += ts.stream().filter(t -> t.withdrawnOn == null).count();
                completed += completed(c.id);
                long[] roll = roll(c.id);
                present += roll[0];
                recorded += roll[1];
            }
            return new Views.Figures(community, running, cancelled, enrolled, completed,
                    Rules.percent(completed, enrolled), present, recorded, Rules.percent(present, recorded));
        }
    }
}
