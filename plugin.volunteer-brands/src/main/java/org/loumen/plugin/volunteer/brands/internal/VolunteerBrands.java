package org.loumen.plugin.volunteer.brands.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.loumen.programme.Programme;
import org.loumen.programme.ProgrammeDefinition;
import org.loumen.programme.ProgrammeRequest;
import org.loumen.programme.ProgrammeRoutes;
import org.loumen.web.ApiException;
import org.loumen.web.ApiResponse;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Volunteer service brands (志愿服务品牌): a community names its volunteer team, records its activities, and the
 * street sees volunteers and service hours per brand. Secretaries work in their communities, the street admin in all.
 */
@Component(service = Programme.class)
@ProgrammeDefinition(id = "volunteer-brands", nameZh = "志愿服务品牌", nameEn = "Volunteer service brands",
        descriptionZh = "社区志愿服务队品牌、服务活动与服务时长", descriptionEn = "Community volunteer teams, their "
                + "activities and service hours", consoleResources = "/console", consoleMenuZh = "志愿服务品牌",
        consoleMenuEn = "Volunteer brands")
public final class VolunteerBrands implements Programme {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JpaTemplate jpa;

    @Activate
    public VolunteerBrands(@Reference(target = "(osgi.unit.name=loumen.programme.volunteer-brands)") JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public void routes(ProgrammeRoutes routes) {
        routes.get("/brands", this::brands)
                .post("/brands", this::addBrand)
                .get("/brands/{brand}/activities", r -> activities(brand(r)))
                .post("/brands/{brand}/activities", this::addActivity)
                .get("/summary", this::summary);
    }

    /** A brand as clients see it. */
    record Brand(long id, String community, String name, String slogan, long version) {
        static Brand of(BrandEntity b) {
            return new Brand(b.id, b.community, b.name, b.slogan, b.version);
        }
    }

    /** An activity as clients see it. */
    record Activity(long id, long brand, LocalDate heldOn, String title, int volunteers, BigDecimal hours) {
        static Activity of(ActivityEntity a) {
            return new Activity(a.id, a.brand, a.heldOn, a.title, a.volunteers, a.hours);
        }
    }

    /** One line of the street's summary: a brand and what its volunteers did. */
    record Summary(long id, String community, String name, long activities, long volunteerTurns,
            BigDecimal serviceHours) {
    }

    private List<Brand> brands(ProgrammeRequest r) throws ApiException {
        String community = r.query("community").orElse(null);
        if (community != null) {
            r.community("community", community);
        }
        List<BrandEntity> all = jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                "SELECT b FROM BrandEntity b WHERE b.street = :s ORDER BY b.community, b.id", BrandEntity.class)
                .setParameter("s", r.street()).getResultList());
        return all.stream().filter(b -> r.inScope(b.community) && (community == null || b.community.equals(community)))
                .map(Brand::of).toList();
    }

    private ApiResponse addBrand(ProgrammeRequest r) throws ApiException {
        Inputs.NewBrand body = r.body(Inputs.NewBrand.class);
        String community = r.community("community", body.community());
        String name = Inputs.text("name", body.name(), 60, true);
        String slogan = Inputs.text("slogan", body.slogan(), 200, false);
        BrandEntity saved = jpa.txExpr(TransactionType.Required, em -> {
            boolean taken = em.createQuery("SELECT COUNT(b) FROM BrandEntity b WHERE b.community = :c AND b.name = :n",
                    Long.class).setParameter("c", community).setParameter("n", name).getSingleResult() > 0;
            if (taken) {
                return null;
            }
            BrandEntity b = new BrandEntity();
            b.street = r.street();
            b.community = community;
            b.name = name;
            b.slogan = slogan;
            b.createdBy = r.caller().username();
            em.persist(b);
            em.flush();
            return b;
        });
        if (saved == null) {
            throw new ApiException(409, "brand-exists", "本社区已有同名品牌 / the community already has a brand " + name,
                    "name");
        }
        r.auditDetail("brand " + saved.id + " " + name);
        return ApiResponse.created(Brand.of(saved));
    }

    /** The brand in the path, if it is in this street and in the caller's part of it; else the same 404. */
    private BrandEntity brand(ProgrammeRequest r) throws ApiException {
        long id = r.pathId("brand").orElse(-1L);
        BrandEntity b = jpa.txExpr(TransactionType.Required, em -> em.find(BrandEntity.class, id));
        if (b == null || !b.street.equals(r.street()) || !r.inScope(b.community)) {
            throw new ApiException(404, "not-found", "未找到品牌 / no such brand");
        }
        return b;
    }

    private List<Activity> activities(BrandEntity b) {
        return jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                "SELECT a FROM ActivityEntity a WHERE a.brand = :b ORDER BY a.heldOn DESC, a.id DESC",
                ActivityEntity.class).setParameter("b", b.id).getResultList()).stream().map(Activity::of)
                .toList();
    }

    private ApiResponse addActivity(ProgrammeRequest r) throws ApiException {
        BrandEntity b = brand(r);
        Inputs.NewActivity body = r.body(Inputs.NewActivity.class);
        Inputs.check(body, LocalDate.now(CHINA));
        ActivityEntity saved = jpa.txExpr(TransactionType.Required, em -> {
            ActivityEntity a = new ActivityEntity();
            a.brand = b.id;
            a.heldOn = body.heldOn();
            a.title = body.title().strip();
            a.volunteers = body.volunteers();
            a.hours = body.hours();
            a.createdBy = r.caller().username();
            em.persist(a);
            em.flush();
            return a;
        });
        r.auditDetail("activity " + saved.id + " of brand " + b.id);
        return ApiResponse.created(Activity.of(saved));
    }

    /** Per brand in the caller's part of the street: activities, volunteer turns and service hours. */
    private List<Summary> summary(ProgrammeRequest r) throws ApiException {
        List<Object[]> rows = jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                "SELECT b.id, COUNT(a.id), COALESCE(SUM(a.volunteers), 0), COALESCE(SUM(a.hours), 0) "
                        + "FROM BrandEntity b LEFT JOIN ActivityEntity a ON a.brand = b.id WHERE b.street = :s "
                        + "GROUP BY b.id", Object[].class).setParameter("s", r.street()).getResultList());
        Map<Long, Object[]> byBrand = new HashMap<>();
        rows.forEach(row -> byBrand.put(((Number) row[0]).longValue(), row));
        return brands(r).stream().map(b -> {
            Object[] row = byBrand.get(b.id());
            return row == null ? new Summary(b.id(), b.community(), b.name(), 0, 0, BigDecimal.ZERO)
                    : new Summary(b.id(), b.community(), b.name(), ((Number) row[1]).longValue(),
                            ((Number) row[2]).longValue(), new BigDecimal(row[3].toString()));
        }).toList();
    }
}
