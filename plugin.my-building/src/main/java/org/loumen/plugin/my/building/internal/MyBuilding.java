package org.loumen.plugin.my.building.internal;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.loumen.core.db.schema.FirstUse;
import org.loumen.core.model.ChinaTime;
import org.loumen.core.model.OrganisationService;
import org.loumen.programme.Allowed;
import org.loumen.programme.Programme;
import org.loumen.programme.ProgrammeDefinition;
import org.loumen.programme.ProgrammeRequest;
import org.loumen.programme.ProgrammeRole;
import org.loumen.programme.ProgrammeRoutes;
import org.loumen.programme.data.PersonalData;
import org.loumen.security.Role;
import org.loumen.throttle.Throttles;
import org.loumen.web.ApiException;
import org.loumen.web.PlatformStarted;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.condition.Condition;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * 我的楼门 管家活动 (双港镇): residents take part in running their own unit. Stewards (楼门管家, the programme role
 * {@code STEWARD} at a unit) keep the unit's duties; the unit agrees a convention; activities are organised and
 * attended; households earn points and spend them at the community's points shop; each month the community's units
 * are ranked (最美楼门). Residents act from the unit page with their household code (see {@link Residents}).
 */
@Component(service = Programme.class, configurationPid = MyBuilding.PID)
@Designate(ocd = MyBuilding.Config.class)
@ProgrammeDefinition(id = "my-building", nameZh = "我的楼门", nameEn = "My building",
        descriptionZh = "楼门管家、楼门公约、公益岗、楼门活动、积分超市与最美楼门评比（双港镇）",
        descriptionEn = "Stewards, the unit convention, duty rotas, unit activities, points shop and the monthly best-unit "
                + "ranking (Shuanggang)",
        roles = { Role.DISTRICT_ADMIN, Role.STREET_ADMIN, Role.COMMUNITY_SECRETARY, Role.LEADER },
        consoleResources = "/console", consoleMenuZh = "我的楼门", consoleMenuEn = "My building",
        residentResources = "/resident", demoStreets = { "120112103" })
public final class MyBuilding implements Programme {

    static final ZoneId CHINA = ChinaTime.ZONE;
    static final String PID = "org.loumen.mybuilding";

    @ObjectClassDefinition(id = PID, name = "Loumen 我的楼门 / my building")
    public @interface Config {
        @AttributeDefinition(name = "每个客户端每小时可提交的居民操作次数 / resident writes a client may make in an hour",
                min = "1", max = "100000")
        int residentWritesPerHour() default 20;
    }

    /** The steward (楼门管家) of a unit: granted by the community secretary once the steward is approved. */
    static final ProgrammeRole STEWARD = new ProgrammeRole("STEWARD", "楼门管家", "Unit steward",
            Role.COMMUNITY_SECRETARY, ProgrammeRole.Level.UNIT);

    private final Places places;
    private final Households households;
    private final Stewards stewards;
    private final Conventions conventions;
    private final Duties duties;
    private final Activities activities;
    private final Points points;
    private final Shop shop;
    private final Ranking ranking;
    private final Residents residents;
    /** The demo's data (--demo) made sure of before the unit's first use; nothing to do without --demo. */
    private final FirstUse demo;

    @Activate
    public MyBuilding(BundleContext context, Config config,
            @Reference(target = "(osgi.unit.name=loumen.programme.my-building)") JpaTemplate jpa,
            @Reference OrganisationService organisation, @Reference Throttles throttles,
            @Reference(target = "(osgi.condition.id=loumen.model.seeded)") Condition treeReady) {
        places = new Places(organisation);
        boolean seeding = Boolean.parseBoolean(context.getProperty("loumen.demo"));
        // the seed uses the unit directly; every other transaction passes the gate (not on the start's thread)
        demo = new FirstUse("我的楼门演示数据 / demo data of 我的楼门", () -> seedDemo(seeding, jpa));
        Tx tx = new Tx(demo.guard(jpa));
        households = new Households(tx, places);
        stewards = new Stewards(tx, places);
        conventions = new Conventions(tx, places);
        duties = new Duties(tx, places);
        activities = new Activities(tx, places);
        points = new Points(tx, households);
        shop = new Shop(tx, households);
        ranking = new Ranking(tx, places);
        residents = new Residents(tx, households, stewards, throttles, config.residentWritesPerHour());
    }

    private void seedDemo(boolean seeding, JpaTemplate unguarded) {
        if (seeding) {
            new DemoSeed(unguarded, places, ranking).seed("120112103");
        }
    }

    /** Once the platform has started, the demo's data is made sure of before the first request comes. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void started(PlatformStarted started) {
        demo.passInBackground();
    }

    void unstarted(PlatformStarted started) {
        // nothing to undo
    }

    @Override
    public void routes(ProgrammeRoutes routes) {
        // the unit's work: staff, the unit's leaders and its stewards (each in their own part of the street)
        Allowed unitWork = Allowed.roles(Role.DISTRICT_ADMIN, Role.STREET_ADMIN, Role.COMMUNITY_SECRETARY, Role.LEADER)
                .and(STEWARD.id());
        // decisions (stewards, publishing): staff and leaders; handlers refuse a steward (Who.approver)
        Allowed deciders = Allowed.roles(Role.DISTRICT_ADMIN, Role.STREET_ADMIN, Role.COMMUNITY_SECRETARY, Role.LEADER);
        Role[] staff = { Role.DISTRICT_ADMIN, Role.STREET_ADMIN, Role.COMMUNITY_SECRETARY };
        routes.role(STEWARD)
                .reads(PersonalData.HOUSEHOLDS)
                .get("/me", this::me, unitWork)
                .get("/units/{unit}/households", households::list, unitWork)
                .post("/units/{unit}/households", households::register, deciders)
                .post("/households/{household}/code", households::reissue, deciders)
                .get("/units/{unit}/stewards", stewards::list, unitWork)
                .post("/units/{unit}/stewards", stewards::add, deciders)
                .post("/stewards/{steward}/decision", stewards::decide, deciders)
                .post("/stewards/{steward}/lead", stewards::lead, deciders)
                .post("/stewards/{steward}/end", stewards::end, deciders)
                .post("/stewards/{steward}/account", stewards::link, staff)
                .get("/units/{unit}/convention", conventions::get, unitWork)
                .put("/units/{unit}/convention", conventions::save, unitWork)
                .post("/units/{unit}/convention/publication", conventions::publish, deciders)
                .get("/units/{unit}/duties", duties::list, unitWork)
                .post("/units/{unit}/duties", duties::add, unitWork)
                .get("/duties/overdue", duties::overdue, unitWork)
                .post("/duties/{duty}/outcome", duties::outcome, unitWork)
                .post("/duties/{duty}/photo", duties::photo, unitWork)
                .get("/duties/{duty}/photo", duties::photoOf, unitWork)
                .get("/units/{unit}/activities", activities::list, unitWork)
                .post("/units/{unit}/activities", activities::add, unitWork)
                .get("/activities/{activity}/signups", activities::signups, unitWork)
                .post("/activities/{activity}/attendance", activities::attend, unitWork)
                .get("/points", points::ledger, unitWork)
                .post("/points/corrections", points::correct, staff)
                .get("/shop/items", shop::items, unitWork)
                .post("/shop/items", shop::add, staff)
                .post("/shop/items/{item}/stock", shop::restock, staff)
                .post("/shop/redemptions", shop::redeem, staff)
                .get("/shop/redemptions", shop::redemptions, staff)
                .get("/ranking", ranking::get, unitWork)
                .post("/ranking/publication", ranking::publish, staff)
                // the resident pages (unit page, door poster): no account, no personal data, throttled writes
                .publicGet("/units/{unit}", residents::page)
                .publicPost("/units/{unit}/steward-applications", residents::applyAsSteward)
                .publicPost("/units/{unit}/convention/agreements", residents::agree)
                .publicPost("/activities/{activity}/signups", residents::signUp)
                .publicGet("/communities/{community}/ranking", residents::communityRanking);
    }

    /** GET /me: who the caller is here, and the units and communities they work in (for the page's pickers). */
    private Map<String, Object> me(ProgrammeRequest r) throws ApiException {
        List<Places.UnitInfo> units = new ArrayList<>();
        List<Map<String, String>> communities = new ArrayList<>();
        for (var c : places.communities(r.street())) {
            if (!Who.near(r, c.code())) {
                continue;
            }
            communities.add(Map.of("code", c.code(), "name", c.name()));
            for (Places.UnitInfo u : places.units(c.code())) {
                if (r.inScope(u.code())) {
                    units.add(u);
                }
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("actor", Who.actor(r).name());
        out.put("communities", communities);
        // a street admin's units would be hundreds: they pick a community first
        out.put("units", units.size() > 60 ? List.of() : units);
        return out;
    }
}
