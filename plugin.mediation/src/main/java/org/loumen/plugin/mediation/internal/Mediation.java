package org.loumen.plugin.mediation.internal;

import java.time.LocalDate;
import java.time.ZoneId;

import org.apache.aries.jpa.template.JpaTemplate;
import org.loumen.core.db.schema.FirstUse;
import org.loumen.core.model.ChinaTime;
import org.loumen.core.workflow.WorkflowFacts;
import org.loumen.programme.Allowed;
import org.loumen.programme.Programme;
import org.loumen.programme.ProgrammeDefinition;
import org.loumen.programme.ProgrammeHandler;
import org.loumen.programme.ProgrammeRole;
import org.loumen.programme.ProgrammeRoutes;
import org.loumen.programme.data.PersonalData;
import org.loumen.security.Role;
import org.loumen.web.GrantedRoles;
import org.loumen.web.PlatformStarted;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * People's mediation pairing (人民调解员结对 + 矛盾纠纷排查化解). The street grants 人民调解员 (MEDIATOR) to accounts at a
 * community and pairs each mediator with building leaders (a pairing starts and ends; ended ones are kept). In
 * screening rounds (排查) the paired leaders record the disputes they find, without naming anyone. A dispute, a core
 * problem report of the duty 矛盾化解调处员, or a dispute brought directly becomes a case, which goes through
 * {@link CaseFlow}: accepted, mediation sessions, agreement or referral, follow-up visit, archived — with a deadline
 * per state and the overdue list. Cases are seen by the pairing's mediator, the community's secretary and the street
 * ({@link Who}); the street's statistics count them by category and outcome with the days to close. Reads leaders'
 * names only (declared) and reports through the workflow facts, always in the caller's scope.
 */
@Component(service = Programme.class)
@ProgrammeDefinition(id = "mediation", nameZh = "人民调解结对", nameEn = "People's mediation pairing",
        descriptionZh = "人民调解员与楼门栋长结对，排查化解矛盾纠纷", descriptionEn = "Mediators paired with building "
                + "leaders screen and settle neighbourhood disputes", consoleResources = "/console",
        consoleMenuZh = "人民调解结对", consoleMenuEn = "Mediation pairing",
        roles = { Role.DISTRICT_ADMIN, Role.STREET_ADMIN, Role.COMMUNITY_SECRETARY, Role.LEADER },
        demoStreets = { DemoSeed.STREET })
public final class Mediation implements Programme {

    static final ZoneId CHINA = ChinaTime.ZONE;

    /** The programme's own role: a people's mediator of a community, appointed by the street admin. */
    static final ProgrammeRole MEDIATOR = new ProgrammeRole("MEDIATOR", "人民调解员", "People's mediator",
            Role.STREET_ADMIN, ProgrammeRole.Level.COMMUNITY);

    private final Pairings pairings;
    private final Cases cases;
    private final Screening screening;
    private final DemoSeed demo;
    private final FirstUse upgraded;

    @Activate
    public Mediation(@Reference(target = "(osgi.unit.name=loumen.programme.mediation)") JpaTemplate jpa,
            @Reference GrantedRoles grants, @Reference WorkflowFacts facts, BundleContext context) {
        // cases of older versions get today's states before anything reads them: at the first use, not on the
        // start's thread (every transaction of the store passes the gate first)
        this.upgraded = new FirstUse("调解案件状态升级 / mediation cases' states upgraded",
                () -> new Store(jpa).upgradeStates());
        Store store = new Store(upgraded.guard(jpa));
        Who who = new Who(grants);
        this.pairings = new Pairings(store, who);
        this.cases = new Cases(store, who, pairings);
        this.screening = new Screening(store, who, pairings, cases, facts);
        this.demo = Boolean.parseBoolean(context.getProperty("loumen.demo")) ? new DemoSeed(store) : null;
    }

    /** Once the platform has started, the states are upgraded before the first request comes. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void started(PlatformStarted started) {
        upgraded.passInBackground();
    }

    void unstarted(PlatformStarted started) {
        // nothing to undo
    }

    static LocalDate today() {
        return LocalDate.now(CHINA);
    }

    @Override
    public void routes(ProgrammeRoutes routes) {
        Allowed street = Allowed.roles(Role.DISTRICT_ADMIN, Role.STREET_ADMIN);
        Allowed staff = Allowed.roles(Role.DISTRICT_ADMIN, Role.STREET_ADMIN, Role.COMMUNITY_SECRETARY);
        // cases: the street, the community's secretary, the pairing's mediator (Who narrows each to its own)
        Allowed casework = staff.and(MEDIATOR.id());
        // pairings and screening: also the paired leaders, for their own
        Allowed everyone = casework.and(Role.LEADER);
        routes.role(MEDIATOR)
                .reads(PersonalData.LEADER_NAMES)
                .get("/pairings", demo(pairings::list), everyone)
                .post("/pairings", pairings::pair, street)
                .post("/pairings/{pairing}/end", pairings::end, street)
                .get("/rounds", demo(screening::rounds), everyone)
                .post("/rounds", screening::newRound, staff)
                .get("/rounds/{round}/disputes", screening::disputes, everyone)
                .post("/rounds/{round}/disputes", screening::record, Allowed.roles(Role.LEADER))
                .post("/disputes/{dispute}/case", screening::disputeToCase, casework)
                .get("/reports", screening::reports, casework)
                .post("/reports/{report}/case", screening::reportToCase, casework)
                .get("/cases", demo(cases::list), casework)
                .post("/cases", cases::open, casework)
                .get("/cases/{case}", cases::get, casework)
                .post("/cases/{case}/sessions", cases::session, casework)
                .post("/cases/{case}/agreement", cases::agree, casework)
                .post("/cases/{case}/referral", cases::refer, casework)
                .post("/cases/{case}/follow-up", cases::followUp, casework)
                .post("/cases/{case}/archive", cases::archive, casework)
                .get("/statistics", demo(cases::statistics), staff);
    }

    /** With demo data, a list seeds the demo street first (once; see {@link DemoSeed}). */
    private ProgrammeHandler demo(ProgrammeHandler list) {
        return demo == null ? list : r -> {
            demo.seedFor(r);
            return list.handle(r);
        };
    }
}
