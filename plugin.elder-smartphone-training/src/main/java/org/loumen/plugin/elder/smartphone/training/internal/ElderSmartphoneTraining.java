package org.loumen.plugin.elder.smartphone.training.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.loumen.programme.Programme;
import org.loumen.programme.ProgrammeDefinition;
import org.loumen.programme.ProgrammeRequest;
import org.loumen.programme.ProgrammeRoutes;
import org.loumen.security.Role;
import org.loumen.web.ApiException;
import org.loumen.web.ApiResponse;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Elder smartphone training (老年人智能手机培训): communities run courses, leaders and secretaries enrol elders of
 * their buildings, and the street sees how many completed. Trainees' names are personal data: every read is audited
 * by the platform.
 */
@Component(service = Programme.class)
@ProgrammeDefinition(id = "elder-smartphone-training", nameZh = "老年人智能手机培训",
        nameEn = "Elder smartphone training", descriptionZh = "帮助老年人跨越数字鸿沟：培训班、学员与结业",
        descriptionEn = "Courses, trainees and completions that help elders use smartphones",
        roles = { Role.DISTRICT_ADMIN, Role.STREET_ADMIN, Role.COMMUNITY_SECRETARY, Role.LEADER },
        consoleResources = "/console", consoleMenuZh = "老年人智能手机培训", consoleMenuEn = "Elder smartphone training")
public final class ElderSmartphoneTraining implements Programme {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final Role[] ORGANISERS = { Role.DISTRICT_ADMIN, Role.STREET_ADMIN, Role.COMMUNITY_SECRETARY };

    private final JpaTemplate jpa;

    @Activate
    public ElderSmartphoneTraining(
            @Reference(target = "(osgi.unit.name=loumen.programme.elder-smartphone-training)") JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public void routes(ProgrammeRoutes routes) {
        routes.get("/courses", this::courses)
                .post("/courses", this::addCourse, ORGANISERS)
                .get("/courses/{course}/trainees", r -> trainees(course(r)))
                .post("/courses/{course}/trainees", this::enrol)
                .post("/courses/{course}/trainees/{trainee}/completion", this::complete);
    }

    /**
     * Whether the caller works in the community: staff at or above it, and leaders bound to one of its buildings or
     * units (their scopes lie below the community), who enrol the elders they serve.
     */
    static boolean worksIn(ProgrammeRequest r, String community) {
        return r.scopes().stream().anyMatch(s -> community.startsWith(s) || s.startsWith(community));
    }

    private static LocalDate today() {
        return LocalDate.now(CHINA);
    }

    /** A course as clients see it, with how many enrolled and completed. */
    record Course(long id, String community, String title, List<String> skills, LocalDate startsOn, int capacity,
            long enrolled, long completed) {
        static Course of(CourseEntity c, long enrolled, long completed) {
            return new Course(c.id, c.community, c.title, Arrays.asList(c.skills.split(";")), c.startsOn, c.capacity,
                    enrolled, completed);
        }
    }

    /** A trainee as clients see it. */
    record Trainee(long id, long course, String name, int birthYear, LocalDate completedOn) {
        static Trainee of(TraineeEntity t) {
            return new Trainee(t.id, t.course, t.name, t.birthYear, t.completedOn);
        }
    }

    private List<Course> courses(ProgrammeRequest r) {
        List<Object[]> counts = jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                "SELECT t.course, COUNT(t), COUNT(t.completedOn) FROM TraineeEntity t, CourseEntity c "
                        + "WHERE t.course = c.id AND c.street = :s GROUP BY t.course", Object[].class)
                .setParameter("s", r.street()).getResultList());
        Map<Long, Object[]> byCourse = counts.stream()
                .collect(Collectors.toMap(c -> ((Number) c[0]).longValue(), c -> c));
        return jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                "SELECT c FROM CourseEntity c WHERE c.street = :s ORDER BY c.startsOn DESC, c.id DESC",
                CourseEntity.class).setParameter("s", r.street()).getResultList()).stream()
                .filter(c -> worksIn(r, c.community)).map(c -> {
                    Object[] n = byCourse.get(c.id);
                    return n == null ? Course.of(c, 0, 0)
                            : Course.of(c, ((Number) n[1]).longValue(), ((Number) n[2]).longValue());
                }).toList();
    }

    private ApiResponse addCourse(ProgrammeRequest r) throws ApiException {
        Courses.NewCourse body = r.body(Courses.NewCourse.class);
        String community = r.community("community", body.community());
        Courses.check(body, today());
        CourseEntity saved = jpa.txExpr(TransactionType.Required, em -> {
            CourseEntity c = new CourseEntity();
            c.street = r.street();
            c.community = community;
            c.title = body.title().strip();
            c.skills = body.skills().stream().distinct().map(Enum::name).collect(Collectors.joining(";"));
            c.startsOn = body.startsOn();
            c.capacity = body.capacity();
            em.persist(c);
            em.flush();
            return c;
        });
        r.auditDetail("course " + saved.id);
        return ApiResponse.created(Course.of(saved, 0, 0));
    }

    private CourseEntity course(ProgrammeRequest r) throws ApiException {
        long id = r.pathId("course").orElse(-1L);
        CourseEntity c = jpa.txExpr(TransactionType.Required, em -> em.find(CourseEntity.class, id));
        if (c == null || !c.street.equals(r.street()) || !worksIn(r, c.community)) {
            throw new ApiException(404, "not-found", "未找到培训班 / no such course");
        }
        return c;
    }

    private List<Trainee> trainees(CourseEntity c) {
        return jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                "SELECT t FROM TraineeEntity t WHERE t.course = :c ORDER BY t.id", TraineeEntity.class)
                .setParameter("c", c.id).getResultList()).stream().map(Trainee::of).toList();
    }

    private ApiResponse enrol(ProgrammeRequest r) throws ApiException {
        CourseEntity c = course(r);
        Courses.NewTrainee body = r.body(Courses.NewTrainee.class);
        Courses.check(body, today());
        // the count and the insert in one transaction, serialised here, so a full course never takes one more
        TraineeEntity saved;
        synchronized (this) {
            saved = jpa.txExpr(TransactionType.Required, em -> {
                long enrolled = em.createQuery("SELECT COUNT(t) FROM TraineeEntity t WHERE t.course = :c", Long.class)
                        .setParameter("c", c.id).getSingleResult();
                if (enrolled >= c.capacity) {
                    return null;
                }
                TraineeEntity t = new TraineeEntity();
                t.course = c.id;
                t.name = body.name().strip();
                t.birthYear = body.birthYear();
                em.persist(t);
                em.flush();
                return t;
            });
        }
        if (saved == null) {
            throw new ApiException(409, "course-full", "培训班已满 / the course is full (" + c.capacity + ")");
        }
        r.auditDetail("trainee " + saved.id + " in course " + c.id);
        return ApiResponse.created(Trainee.of(saved));
    }

    private Trainee complete(ProgrammeRequest r) throws ApiException {
        CourseEntity c = course(r);
        long id = r.pathId("trainee").orElse(-1L);
        Courses.Completion body = r.body(Courses.Completion.class);
        if (body.completedOn() == null || body.completedOn().isBefore(c.startsOn)
                || body.completedOn().isAfter(today())) {
            throw ApiException.invalidField("completedOn", "须在开班日与今天之间 / completedOn must lie between the "
                    + "course's start and today");
        }
        TraineeEntity t = jpa.txExpr(TransactionType.Required, em -> {
            TraineeEntity found = em.find(TraineeEntity.class, id);
            if (found == null || found.course != c.id) {
                return null;
            }
            found.completedOn = body.completedOn();
            return found;
        });
        if (t == null) {
            throw new ApiException(404, "not-found", "未找到学员 / no such trainee");
        }
        r.auditDetail("trainee " + id + " completed");
        return Trainee.of(t);
    }
}
