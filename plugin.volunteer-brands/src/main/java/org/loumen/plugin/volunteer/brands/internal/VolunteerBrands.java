package org.loumen.plugin.volunteer.brands.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.loumen.core.workflow.AwardFact;
import org.loumen.core.workflow.WorkflowFacts;
import org.loumen.programme.Programme;
import org.loumen.programme.ProgrammeDefinition;
import org.loumen.programme.ProgrammeRequest;
import org.loumen.programme.ProgrammeRoutes;
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
 * Volunteer service brands (志愿服务品牌): a community's named volunteer teams, each founded by a leader, with their
 * members (leaders and residents, by volunteer number), activities and the hours each member served; members report
 * hours themselves, the brand's lead approves them; yearly ranking, certificates and a CSV of hours. Brands whose
 * founder holds an award with priority support (优先扶持) are flagged. Reads leaders' names only (declared), and
 * award facts through the workflow API, always within the caller's scope.
 */
@Component(service = Programme.class)
@ProgrammeDefinition(id = "volunteer-brands", nameZh = "志愿服务品牌", nameEn = "Volunteer service brands",
        descriptionZh = "社区志愿服务队品牌：成员、服务活动、时长申报与审核、年度排行和时长证明",
        descriptionEn = "Community volunteer teams: members, activities, reported and approved service hours, yearly "
                + "ranking and certificates",
        roles = { Role.DISTRICT_ADMIN, Role.STREET_ADMIN, Role.COMMUNITY_SECRETARY, Role.LEADER },
        consoleResources = "/console", consoleMenuZh = "志愿服务品牌", consoleMenuEn = "Volunteer brands",
        demoStreets = { DemoBrands.SHUANGGANG })
public final class VolunteerBrands implements Programme {

    /**
     * China's time zone (as core.model's {@code ChinaTime}): written here because this programme reads the core only
     * through its declared data and the workflow facts, and imports no package of the core's model.
     */
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Store store;
    private final WorkflowFacts facts;
    private final Roster roster;
    private final HoursDesk desk;
    private final DemoBrands demo;

    @Activate
    public VolunteerBrands(BundleContext context,
            @Reference(target = "(osgi.unit.name=loumen.programme.volunteer-brands)") JpaTemplate jpa,
            @Reference WorkflowFacts facts) {
        this.store = new Store(jpa);
        this.facts = facts;
        this.roster = new Roster(store);
        this.desk = new HoursDesk(store);
        this.demo = new DemoBrands(store, Boolean.parseBoolean(context.getProperty("loumen.demo")));
    }

    static LocalDate today() {
        return LocalDate.now(CHINA);
    }

    @Override
    public void routes(ProgrammeRoutes routes) {
        Role[] staff = { Role.DISTRICT_ADMIN, Role.STREET_ADMIN, Role.COMMUNITY_SECRETARY };
        routes.reads(PersonalData.LEADER_NAMES)
                .get("/brands", this::brands)
                .post("/brands", this::addBrand, staff)
                .put("/brands/{brand}", this::changeBrand, staff)
                .get("/brands/{brand}/members", roster::members)
                .post("/brands/{brand}/members", roster::addMember)
                .post("/brands/{brand}/members/{member}/leaving", roster::leave)
                .get("/brands/{brand}/activities", roster::activities)
                .post("/brands/{brand}/activities", roster::addActivity)
                .post("/brands/{brand}/hours", desk::report)
                .get("/hours", desk::hours)
                .post("/hours/{entry}/decision", desk::decide)
                .get("/ranking", desk::ranking)
                .get("/members/{member}/certificate", desk::certificate)
                .get("/hours.csv", desk::export)
                .get("/summary", this::summary, staff);
    }

    private List<Views.Brand> brands(ProgrammeRequest r) throws ApiException {
        demo.seed(r);
        String community = r.query("community").orElse(null);
        if (community != null && !Who.inCommunity(r, community)) {
            r.community("community", community);
        }
        List<BrandEntity> all = store.brands(r.street()).stream().filter(b -> Who.sees(r, b)
                && (community == null || b.community.equals(community))).toList();
        List<MemberEntity> members = store.members(r.street());
        Map<Long, LeaderView> leaders = Views.leaders(r);
        Map<Long, AwardFact> priority = Views.priority(facts.awards(r.scopes()));
        return all.stream().map(b -> {
            AwardFact award = b.founder == null ? null : priority.get(b.founder);
            LeaderView founder = b.founder == null ? null : leaders.get(b.founder);
            long count = members.stream().filter(m -> m.brand == b.id && m.activeOn(today())).count();
            return new Views.Brand(b.id, b.community, b.name, b.slogan, b.status(), b.founder,
                    founder == null ? null : founder.name(), b.foundedOn, count, award != null,
                    award == null ? null : award.certificate(), Who.lead(r, b), Who.self(r, b, members) != null,
                    Who.manages(r, b), b.version);
        }).toList();
    }

    private ApiResponse addBrand(ProgrammeRequest r) throws ApiException {
        Inputs.NewBrand body = r.body(Inputs.NewBrand.class);
        String community = r.community("community", body.community());
        String name = Inputs.text("name", body.name(), 60, true);
        String slogan = Inputs.text("slogan", body.slogan(), 200, false);
        LeaderView founder = founder(r, body.founder(), community);
        LocalDate foundedOn = body.foundedOn() == null ? today() : Inputs.pastDay("foundedOn", body.foundedOn(),
                today(), 50);
        BrandEntity saved = create(store, r.street(), community, name, slogan, founder.id(), foundedOn,
                r.caller().username());
        if (saved == null) {
            throw new ApiException(409, "brand-exists", "本社区已有同名品牌 / the community already has a brand " + name,
                    "name");
        }
        r.auditDetail("brand " + saved.id + " " + name + " founded by leader " + founder.id());
        return ApiResponse.created(brands(r).stream().filter(b -> b.id() == saved.id).findFirst().orElseThrow());
    }

    /** A brand and its founder as its first member; {@code null} when the community has a brand of that name. */
    static BrandEntity create(Store store, String street, String community, String name, String slogan,
            long founder, LocalDate foundedOn, String by) {
        return store.jpa.txExpr(TransactionType.Required, em -> {
            boolean taken = em.createQuery("SELECT COUNT(b) FROM BrandEntity b WHERE b.community = :c AND b.name = :n",
                    Long.class).setParameter("c", community).setParameter("n", name).getSingleResult() > 0;
            if (taken) {
                return null;
            }
            BrandEntity b = new BrandEntity();
            b.street = street;
            b.community = community;
            b.name = name;
            b.slogan = slogan;
            b.founder = founder;
            b.status = "ACTIVE";
            b.foundedOn = foundedOn;
            b.createdBy = by;
            em.persist(b);
            em.flush();
            Roster.persistMember(em, b, "LEADER", founder, null, null, null, foundedOn, by);
            return b;
        });
    }

    /** The founder: a leader of the community, read through the declared data access within the caller's scope. */
    private static LeaderView founder(ProgrammeRequest r, Long id, String community) throws ApiException {
        if (id == null) {
            throw ApiException.invalidField("founder", "请选择创始楼门栋长 / founder (a leader) is required");
        }
        return r.data().leader(id).filter(l -> community.equals(l.community()))
                .orElseThrow(() -> new ApiException(404, "not-found", "本社区没有此楼门栋长 / no such leader in the "
                        + "community", "founder"));
    }

    private Views.Brand changeBrand(ProgrammeRequest r) throws ApiException {
        BrandEntity b = store.brand(r);
        if (!Who.staff(r, b.community)) {
            throw new ApiException(404, "not-found", "未找到品牌 / no such brand");
        }
        Inputs.BrandChange body = r.body(Inputs.BrandChange.class);
        String slogan = body.slogan() == null ? null : Inputs.text("slogan", body.slogan(), 200, false);
        if (body.status() != null && !Inputs.STATUSES.contains(body.status())) {
            throw ApiException.invalidField("status", "须为 ACTIVE、PAUSED 或 DISSOLVED / status must be ACTIVE, "
                    + "PAUSED or DISSOLVED");
        }
        Long founder = body.founder() == null ? null : founder(r, body.founder(), b.community).id();
        store.jpa.tx(TransactionType.Required, em -> {
            BrandEntity e = em.find(BrandEntity.class, b.id);
            if (body.slogan() != null) {
                e.slogan = slogan;
            }
            if (body.status() != null) {
                e.status = body.status();
            }
            if (founder != null && !founder.equals(e.founder)) {
                e.founder = founder;
                boolean member = em.createQuery("SELECT COUNT(m) FROM MemberEntity m WHERE m.brand = :b AND "
                        + "m.leader = :l AND m.leftOn IS NULL", Long.class).setParameter("b", e.id)
                        .setParameter("l", founder).getSingleResult() > 0;
                if (!member) {
                    Roster.persistMember(em, e, "LEADER", founder, null, null, null, today(), r.caller().username());
                }
            }
        });
        r.auditDetail("brand " + b.id + (body.status() == null ? "" : " status " + body.status())
                + (founder == null ? "" : " founder " + founder));
        return brands(r).stream().filter(x -> x.id() == b.id).findFirst().orElseThrow();
    }

    /** Per brand in the caller's part of the street: activities, volunteer turns, service hours, members. */
    private List<Views.Summary> summary(ProgrammeRequest r) throws ApiException {
        demo.seed(r);
        List<BrandEntity> brands = store.brands(r.street()).stream().filter(b -> Who.staff(r, b.community)).toList();
        List<Object[]> rows = store.jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                "SELECT b.id, COUNT(a.id), COALESCE(SUM(a.volunteers), 0), COALESCE(SUM(a.hours), 0) "
                        + "FROM BrandEntity b LEFT JOIN ActivityEntity a ON a.brand = b.id WHERE b.street = :s "
                        + "GROUP BY b.id", Object[].class).setParameter("s", r.street()).getResultList());
        Map<Long, Object[]> byBrand = new HashMap<>();
        rows.forEach(row -> byBrand.put(((Number) row[0]).longValue(), row));
        List<Long> ids = brands.stream().map(b -> b.id).toList();
        Map<Long, BigDecimal> reported = new HashMap<>();
        store.hours(ids, null, null).stream().filter(h -> HoursRules.SELF_REPORT.equals(h.source)
                && HoursRules.APPROVED.equals(h.status)).forEach(h -> reported.merge(h.brand, h.hours,
                        BigDecimal::add));
        List<MemberEntity> members = store.members(r.street());
        Map<Long, AwardFact> priority = Views.priority(facts.awards(r.scopes()));
        return brands.stream().map(b -> {
            Object[] row = byBrand.get(b.id);
            BigDecimal self = reported.getOrDefault(b.id, BigDecimal.ZERO);
            BigDecimal activityHours = row == null ? BigDecimal.ZERO : new BigDecimal(row[3].toString());
            long count = members.stream().filter(m -> m.brand == b.id && m.activeOn(today())).count();
            return new Views.Summary(b.id, b.community, b.name, row == null ? 0 : ((Number) row[1]).longValue(),
                    row == null ? 0 : ((Number) row[2]).longValue(), activityHours.add(self), count, self,
                    b.founder != null && priority.containsKey(b.founder));
        }).toList();
    }
}
