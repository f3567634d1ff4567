package org.loumen.plugin.mediation.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.loumen.core.model.DivisionCodes;
import org.loumen.core.workflow.ReportFact;
import org.loumen.core.workflow.WorkflowFacts;
import org.loumen.programme.ProgrammeRequest;
import org.loumen.web.ApiException;
import org.loumen.web.ApiResponse;

/**
 * Screening rounds (矛盾纠纷排查): a community's round, in which paired leaders record the disputes they find; a
 * dispute, or a core problem report of the duty 矛盾化解调处员, becomes a case.
 */
final class Screening {

    /** The duty of the core's problem reports that concern disputes. */
    static final String DUTY = "DISPUTE_MEDIATOR";

    record Round(long id, String community, String title, LocalDate startsOn, LocalDate endsOn, boolean open,
            long disputes) {
    }

    record Dispute(long id, long round, long pairing, String community, String place, String category,
            String parties, String summary, String risk, LocalDate recordedOn, Long caseId) {
        static Dispute of(DisputeEntity d) {
            return new Dispute(d.id, d.round, d.pairing, d.community, d.place, d.category, d.parties, d.summary,
                    d.risk, d.recordedOn, d.caseId);
        }
    }

    /** A core problem report of the duty 矛盾化解调处员, and the case it became (if it did). */
    record Report(long id, String community, String place, String urgency, String status, Instant createdAt,
            Long caseId) {
    }

    private final Store store;
    private final Who who;
    private final Pairings pairings;
    private final Cases cases;
    private final WorkflowFacts facts;
    private final Object converting = new Object();

    Screening(Store store, Who who, Pairings pairings, Cases cases, WorkflowFacts facts) {
        this.store = store;
        this.who = who;
        this.pairings = pairings;
        this.cases = cases;
        this.facts = facts;
    }

    /** The communities where the caller sees rounds: staff in scope; mediators and leaders where they are paired. */
    private boolean seesRound(ProgrammeRequest r, RoundEntity round, List<PairingEntity> all) {
        return Who.staff(r, round.community) || all.stream().anyMatch(p -> p.community.equals(round.community)
                && who.seesPairing(r, p));
    }

    List<Round> rounds(ProgrammeRequest r) {
        List<PairingEntity> all = store.pairings(r.street());
        LocalDate today = Mediation.today();
        List<Round> out = new ArrayList<>();
        for (RoundEntity round : store.rounds(r.street())) {
            if (seesRound(r, round, all)) {
                long n = visibleDisputes(r, round, all).size();
                out.add(new Round(round.id, round.community, round.title, round.startsOn, round.endsOn,
                        open(round, today), n));
            }
        }
        return out;
    }

    private static boolean open(RoundEntity round, LocalDate today) {
        return !today.isBefore(round.startsOn) && !today.isAfter(round.endsOn);
    }

    ApiResponse newRound(ProgrammeRequest r) throws ApiException {
        Disputes.NewRound body = r.body(Disputes.NewRound.class);
        String community = r.community("community", body.community());
        if (!Who.staff(r, community)) {
            throw new ApiException(404, "not-found", "未找到社区 / no such community", "community");
        }
        Disputes.check(body);
        RoundEntity saved = store.tx(em -> {
            RoundEntity x = new RoundEntity();
            x.street = r.street();
            x.community = community;
            x.title = body.title().strip();
            x.startsOn = body.startsOn();
            x.endsOn = body.endsOn();
            x.createdBy = r.caller().username();
            em.persist(x);
            em.flush();
            return x;
        });
        r.auditDetail("round " + saved.id + " " + community);
        return ApiResponse.created(new Round(saved.id, saved.community, saved.title, saved.startsOn, saved.endsOn,
                open(saved, Mediation.today()), 0));
    }

    private RoundEntity round(ProgrammeRequest r, List<PairingEntity> all) throws ApiException {
        RoundEntity round = store.find(RoundEntity.class, r.pathId("round").orElse(-1L));
        if (round == null || !round.street.equals(r.street()) || !seesRound(r, round, all)) {
            throw new ApiException(404, "not-found", "未找到排查 / no such screening round");
        }
        return round;
    }

    private List<DisputeEntity> visibleDisputes(ProgrammeRequest r, RoundEntity round, List<PairingEntity> all) {
        if (Who.staff(r, round.community)) {
            return store.disputes(round.id);
        }
        Set<Long> mine = new TreeSet<>();
        all.stream().filter(p -> who.seesPairing(r, p)).forEach(p -> mine.add(p.id));
        return store.disputes(round.id).stream().filter(d -> mine.contains(d.pairing)).toList();
    }

    List<Dispute> disputes(ProgrammeRequest r) throws ApiException {
        List<PairingEntity> all = store.pairings(r.street());
        RoundEntity round = round(r, all);
        return visibleDisputes(r, round, all).stream().map(Dispute::of).toList();
    }

    /** A paired leader records a dispute in an open round of their community. */
    ApiResponse record(ProgrammeRequest r) throws ApiException {
        List<PairingEntity> all = store.pairings(r.street());
        RoundEntity round = store.find(RoundEntity.class, r.pathId("round").orElse(-1L));
        if (round == null || !round.street.equals(r.street())) {
            throw new ApiException(404, "not-found", "未找到排查 / no such screening round");
        }
        Disputes.NewDispute body = r.body(Disputes.NewDispute.class);
        List<PairingEntity> mine = all.stream().filter(p -> p.endedOn == null && p.community.equals(round.community)
                && Who.leaderOf(r, p) && (body.pairing() == null || body.pairing() == p.id)).toList();
        if (mine.isEmpty()) {
            throw new ApiException(403, "not-paired", "只有与调解员结对的楼门栋长可以登记排查 / only a leader paired with a "
                    + "mediator in this community records disputes", body.pairing() == null ? null : "pairing");
        }
        LocalDate today = Mediation.today();
        if (!open(round, today)) {
            throw new ApiException(409, "round-closed", "排查不在进行中（" + round.startsOn + " 至 " + round.endsOn
                    + "） / the round runs from " + round.startsOn + " to " + round.endsOn);
        }
        Disputes.check(body);
        String place = null;
        if (body.place() != null && !body.place().isBlank()) {
            if (!body.place().startsWith(round.community) || body.place().length() == 12) {
                throw ApiException.invalidField("place", "须为本社区的楼栋或楼门代码 / place must be a building or unit of "
                        + "the community");
            }
            place = body.place();
        }
        PairingEntity p = mine.get(0);
        String where = place;
        DisputeEntity saved = store.tx(em -> {
            DisputeEntity d = new DisputeEntity();
            d.round = round.id;
            d.pairing = p.id;
            d.community = round.community;
            d.place = where;
            d.category = body.category().name();
            d.parties = body.parties().strip();
            d.summary = body.summary().strip();
            d.risk = body.risk().name();
            d.recordedOn = today;
            d.recordedBy = r.caller().username();
            em.persist(d);
            em.flush();
            return d;
        });
        r.auditDetail("round " + round.id + " dispute " + saved.id);
        return ApiResponse.created(Dispute.of(saved));
    }

    /** A screened dispute becomes a case of its pairing (once). */
    ApiResponse disputeToCase(ProgrammeRequest r) throws ApiException {
        long id = r.pathId("dispute").orElse(-1L);
        DisputeEntity d = store.find(DisputeEntity.class, id);
        PairingEntity p = d == null ? null : store.find(PairingEntity.class, d.pairing);
        if (d == null || p == null || !p.street.equals(r.street()) || !who.seesCase(r, p)) {
            throw new ApiException(404, "not-found", "未找到排查记录 / no such dispute");
        }
        LocalDate accepted = r.hasBody() ? r.body(Accepting.class).acceptedOn() : null;
        Disputes.NewCase body = new Disputes.NewCase(p.id, Disputes.Category.valueOf(d.category), d.parties, d.summary,
                Disputes.Risk.valueOf(d.risk), accepted);
        Disputes.check(body, Mediation.today());
        if (accepted != null && accepted.isBefore(d.recordedOn)) {
            throw ApiException.invalidField("acceptedOn", "不能早于排查登记日 / acceptedOn must not be before the dispute "
                    + "was recorded");
        }
        synchronized (converting) {
            if (store.find(DisputeEntity.class, id).caseId != null) {
                throw new ApiException(409, "already-a-case", "该纠纷已转为案件 / the dispute is already a case");
            }
            CaseEntity c = cases.create(r, p, body, "SCREENING", d.id);
            store.tx(em -> em.createQuery("UPDATE DisputeEntity d SET d.caseId = :c, d.version = d.version + 1 WHERE "
                    + "d.id = :id").setParameter("c", c.id).setParameter("id", id).executeUpdate());
            return ApiResponse.created(cases.get(c.id, r));
        }
    }

    /** When a case was accepted ({@code null}: today). */
    record Accepting(LocalDate acceptedOn) {
    }

    /** The core's problem reports of the duty 矛盾化解调处员 in the caller's communities (or one of them). */
    List<Report> reports(ProgrammeRequest r) throws ApiException {
        String community = r.query("community").orElse(null);
        if (community != null && !DivisionCodes.hasCommunityForm(community)) {
            throw new ApiException(400, "invalid-parameter", "community 须为 12 位社区代码 / community must be a 12-digit "
                    + "code", "community");
        }
        Set<String> communities = new TreeSet<>();
        for (PairingEntity p : store.pairings(r.street())) {
            if (who.seesCase(r, p)) {
                communities.add(p.community);
            }
        }
        r.scopes().stream().filter(s -> s.length() == 12 && s.startsWith(r.street())).forEach(communities::add);
        if (community != null) {
            communities.retainAll(Set.of(community));
        }
        Map<Long, Long> made = new java.util.HashMap<>();
        store.cases(r.street()).stream().filter(c -> "REPORT".equals(c.source) && c.sourceId != null)
                .forEach(c -> made.put(c.sourceId, c.id));
        List<Report> out = new ArrayList<>();
        for (String c : communities) {
            if (!Who.staff(r, c) && store.pairings(r.street()).stream().noneMatch(p -> p.community.equals(c)
                    && who.mediatorOf(r, p))) {
                continue;
            }
            for (ReportFact f : facts.reports(r.scopes(), c)) {
                if (DUTY.equals(f.duty())) {
                    out.add(new Report(f.id(), f.community(), f.place(), f.urgency(), f.status(), f.createdAt(),
                            made.get(f.id())));
                }
            }
        }
        return out;
    }

    /** A report of the duty 矛盾化解调处员 becomes a case of a pairing of its community (once). */
    ApiResponse reportToCase(ProgrammeRequest r) throws ApiException {
        long id = r.pathId("report").orElse(-1L);
        Disputes.NewCase body = r.body(Disputes.NewCase.class);
        if (body.pairing() == null) {
            throw ApiException.invalidField("pairing", "须指明结对 / pairing is required");
        }
        PairingEntity p = cases.casePairing(r, body.pairing());
        ReportFact report = facts.reports(r.scopes(), p.community).stream().filter(f -> f.id() == id).findFirst()
                .orElseThrow(() -> new ApiException(404, "not-found", "本社区没有此问题报告 / no such report in the "
                        + "pairing's community"));
        if (!DUTY.equals(report.duty())) {
            throw new ApiException(409, "not-a-dispute", "该问题不属于矛盾化解调处员职责 / the report is not of the duty "
                    + "dispute mediator");
        }
        Disputes.check(body, Mediation.today());
        synchronized (converting) {
            boolean made = store.cases(r.street()).stream().anyMatch(c -> "REPORT".equals(c.source)
                    && Long.valueOf(id).equals(c.sourceId));
            if (made) {
                throw new ApiException(409, "already-a-case", "该问题已转为案件 / the report is already a case");
            }
            CaseEntity c = cases.create(r, p, body, "REPORT", id);
            return ApiResponse.created(cases.get(c.id, r));
        }
    }
}
