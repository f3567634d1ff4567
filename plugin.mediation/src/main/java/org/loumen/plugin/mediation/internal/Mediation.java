package org.loumen.plugin.mediation.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.loumen.programme.Allowed;
import org.loumen.programme.Programme;
import org.loumen.programme.ProgrammeDefinition;
import org.loumen.programme.ProgrammeRequest;
import org.loumen.programme.ProgrammeRole;
import org.loumen.programme.ProgrammeRoutes;
import org.loumen.programme.data.LeaderView;
import org.loumen.programme.data.PersonalData;
import org.loumen.security.Role;
import org.loumen.web.ApiException;
import org.loumen.web.ApiResponse;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * People's mediation pairing (人民调解结对): the street pairs mediators with building leaders of a community; the pair
 * records the disputes it takes on and how each ended. Mediators (人民调解员) are a role of the programme, granted by the
 * street admin at a community: they see the pairings and record and close cases there. The programme reads leaders'
 * names only (declared), through the platform's scoped data access.
 */
@Component(service = Programme.class)
@ProgrammeDefinition(id = "mediation", nameZh = "人民调解结对", nameEn = "People's mediation pairing",
        descriptionZh = "人民调解员与楼门栋长结对，排查化解矛盾纠纷", descriptionEn = "Mediators paired with building "
                + "leaders screen and settle neighbourhood disputes", consoleResources = "/console",
        consoleMenuZh = "人民调解结对", consoleMenuEn = "Mediation pairing")
public final class Mediation implements Programme {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** The programme's own role: a people's mediator of a community, appointed by the street admin. */
    static final ProgrammeRole MEDIATOR = new ProgrammeRole("MEDIATOR", "人民调解员", "People's mediator",
            Role.STREET_ADMIN, ProgrammeRole.Level.COMMUNITY);

    private final JpaTemplate jpa;

    @Activate
    public Mediation(@Reference(target = "(osgi.unit.name=loumen.programme.mediation)") JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public void routes(ProgrammeRoutes routes) {
        // secretaries and mediators record cases in their communities
        Allowed casework = Allowed.roles(Role.DISTRICT_ADMIN, Role.STREET_ADMIN, Role.COMMUNITY_SECRETARY)
                .and(MEDIATOR.id());
        routes.role(MEDIATOR)
                .reads(PersonalData.LEADER_NAMES)
                .get("/pairings", this::pairings, casework)
                // pairing is the street's decision
                .post("/pairings", this::pair, Role.DISTRICT_ADMIN, Role.STREET_ADMIN)
                .get("/cases", this::cases, casework)
                .post("/cases", this::open, casework)
                .post("/cases/{case}/closing", this::close, casework);
    }

    private static LocalDate today() {
        return LocalDate.now(CHINA);
    }

    /** A pairing as clients see it: the mediator's phone masked. */
    record Pairing(long id, String community, String mediatorName, String mediatorPhone, long leader,
            LocalDate since) {
        static Pairing of(PairingEntity p) {
            return new Pairing(p.id, p.community, p.mediatorName, Disputes.mask(p.mediatorPhone), p.leader, p.since);
        }
    }

    /** A case as clients see it. */
    record Case(long id, long pairing, String community, String kind, String summary, String status,
            LocalDate openedOn, LocalDate closedOn, String note) {
        static Case of(CaseEntity c) {
            return new Case(c.id, c.pairing, c.community, c.kind, c.summary, c.status, c.openedOn, c.closedOn,
                    c.outcomeNote);
        }
    }

    private List<Pairing> pairings(ProgrammeRequest r) {
        return jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                "SELECT p FROM PairingEntity p WHERE p.street = :s ORDER BY p.community, p.id", PairingEntity.class)
                .setParameter("s", r.street()).getResultList()).stream().filter(p -> r.inScope(p.community))
                .map(Pairing::of).toList();
    }

    private ApiResponse pair(ProgrammeRequest r) throws ApiException {
        Disputes.NewPairing body = r.body(Disputes.NewPairing.class);
        String community = r.community("community", body.community());
        Disputes.check(body, today());
        LeaderView leader = r.data().leader(body.leader()).filter(l -> community.equals(l.community()))
                .orElseThrow(() -> new ApiException(404, "not-found", "本社区没有此楼门栋长 / no such leader in the "
                        + "community", "leader"));
        PairingEntity saved = jpa.txExpr(TransactionType.Required, em -> {
            PairingEntity p = new PairingEntity();
            p.street = r.street();
            p.community = community;
            p.mediatorName = body.mediatorName().strip();
            p.mediatorPhone = body.mediatorPhone();
            p.leader = leader.id();
            p.since = body.since() == null ? today() : body.since();
            em.persist(p);
            em.flush();
            return p;
        });
        r.auditDetail("pairing " + saved.id + " with leader " + leader.id());
        return ApiResponse.created(Pairing.of(saved));
    }

    private PairingEntity pairing(ProgrammeRequest r, long id, String field) throws ApiException {
        PairingEntity p = jpa.txExpr(TransactionType.Required, em -> em.find(PairingEntity.class, id));
        if (p == null || !p.street.equals(r.street()) || !r.inScope(p.community)) {
            throw new ApiException(404, "not-found", "未找到结对 / no such pairing", field);
        }
        return p;
    }

    private List<Case> cases(ProgrammeRequest r) throws ApiException {
        String status = r.query("status").orElse(null);
        if (status != null && List.of(Disputes.Status.values()).stream().noneMatch(s -> s.name().equals(status))) {
            throw new ApiException(400, "invalid-parameter", "status 须为 OPEN、MEDIATED 或 REFERRED / status must be "
                    + "OPEN, MEDIATED or REFERRED", "status");
        }
        return jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                "SELECT c FROM CaseEntity c WHERE c.community LIKE :s ORDER BY c.openedOn DESC, c.id DESC",
                CaseEntity.class).setParameter("s", r.street() + "%").getResultList()).stream()
                .filter(c -> r.inScope(c.community) && (status == null || c.status.equals(status)))
                .map(Case::of).toList();
    }

    private ApiResponse open(ProgrammeRequest r) throws ApiException {
        Disputes.NewCase body = r.body(Disputes.NewCase.class);
        Disputes.check(body, today());
        PairingEntity p = pairing(r, body.pairing(), "pairing");
        CaseEntity saved = jpa.txExpr(TransactionType.Required, em -> {
            CaseEntity c = new CaseEntity();
            c.pairing = p.id;
            c.community = p.community;
            c.kind = body.kind().name();
            c.summary = body.summary().strip();
            c.status = Disputes.Status.OPEN.name();
            c.openedOn = body.openedOn();
            em.persist(c);
            em.flush();
            return c;
        });
        r.auditDetail("case " + saved.id);
        return ApiResponse.created(Case.of(saved));
    }

    private Case close(ProgrammeRequest r) throws ApiException {
        long id = r.pathId("case").orElse(-1L);
        Disputes.Closing body = r.body(Disputes.Closing.class);
        CaseEntity c = jpa.txExpr(TransactionType.Required, em -> em.find(CaseEntity.class, id));
        if (c == null || !c.community.startsWith(r.street()) || !r.inScope(c.community)) {
            throw new ApiException(404, "not-found", "未找到案件 / no such case");
        }
        if (!c.status.equals(Disputes.Status.OPEN.name())) {
            throw new ApiException(409, "case-closed", "案件已结 / the case is already closed as " + c.status);
        }
        Disputes.check(body, c.openedOn, today());
        // only an open case closes: two closings at once leave one outcome
        int updated = jpa.txExpr(TransactionType.Required, em -> em.createQuery("UPDATE CaseEntity c SET "
                + "c.status = :st, c.closedOn = :d, c.outcomeNote = :n, c.version = c.version + 1 "
                + "WHERE c.id = :id AND c.status = 'OPEN'").setParameter("st", body.outcome().name())
                .setParameter("d", body.closedOn()).setParameter("n", body.note()).setParameter("id", id)
                .executeUpdate());
        if (updated == 0) {
            throw new ApiException(409, "case-closed", "案件已结 / the case is already closed");
        }
        r.auditDetail("case " + id + " " + body.outcome());
        CaseEntity closed = jpa.txExpr(TransactionType.Required, em -> em.find(CaseEntity.class, id));
        return Case.of(closed);
    }
}
