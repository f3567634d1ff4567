package org.loumen.plugin.mediation.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.loumen.core.model.DivisionCodes;
import org.loumen.plugin.mediation.internal.CaseFlow.State;
import org.loumen.plugin.mediation.internal.CaseFlow.Step;
import org.loumen.programme.ProgrammeRequest;
import org.loumen.web.ApiException;
import org.loumen.web.ApiResponse;

/** Cases (调解案件) and their steps, deadlines and overdue list; the street's statistics. */
final class Cases {

    /** A case as clients see it, with the deadline of its current state and the steps it may take. */
    record Case(long id, long pairing, String community, String mediator, String mediatorName, String category,
            String parties, String summary, String risk, String source, Long sourceId, String status, String outcome,
            LocalDate acceptedOn, LocalDate closedOn, String outcomeNote, String referredTo, LocalDate followedUpOn,
            String followUpNote, Boolean satisfied, LocalDate archivedOn, LocalDate dueOn, boolean overdue,
            Set<Step> steps, List<Session> sessions) {
        static Case of(CaseEntity c, PairingEntity p, List<Session> sessions, LocalDate today) {
            State s = State.stored(c.status);
            LocalDate due = CaseFlow.due(s, c.openedOn, c.closedOn, c.followedUpOn);
            return new Case(c.id, c.pairing, c.community, p == null ? null : p.mediator,
                    p == null ? null : p.mediatorName, c.kind, c.parties, c.summary, c.risk,
                    c.source == null ? "DIRECT" : c.source, c.sourceId, s.name(), c.outcome, c.openedOn, c.closedOn,
                    c.outcomeNote, c.referredTo,
                    c.followedUpOn, c.followUpNote, c.satisfied, c.archivedOn, due, CaseFlow.overdue(due, today),
                    CaseFlow.steps(s), sessions);
        }
    }

    record Session(long id, LocalDate heldOn, String attendees, String notes) {
        static Session of(SessionEntity s) {
            return new Session(s.id, s.heldOn, s.attendees, s.notes);
        }
    }

    record CategoryCount(String category, String nameZh, long total, long agreed, long referred, long open) {
    }

    record Statistics(String street, LocalDate from, LocalDate to, long cases, long agreed, long referred, long open,
            long overdue, Double medianDaysToClose, Double meanDaysToClose, List<CategoryCount> byCategory,
            Map<String, Long> byStatus) {
    }

    private final Store store;
    private final Who who;
    private final Pairings pairings;

    Cases(Store store, Who who, Pairings pairings) {
        this.store = store;
        this.who = who;
        this.pairings = pairings;
    }

    List<Case> list(ProgrammeRequest r) throws ApiException {
        String status = r.query("status").orElse(null);
        if (status != null && java.util.Arrays.stream(State.values()).noneMatch(s -> s.name().equals(status))) {
            throw new ApiException(400, "invalid-parameter", "status 须为 " + List.of(State.values()) + " 之一 / status "
                    + "must be one of " + List.of(State.values()), "status");
        }
        String overdue = r.query("overdue").orElse(null);
        if (overdue != null && !overdue.equals("true") && !overdue.equals("false")) {
            throw new ApiException(400, "invalid-parameter", "overdue 须为 true 或 false / overdue must be true or false",
                    "overdue");
        }
        String community = r.query("community").orElse(null);
        if (community != null && !DivisionCodes.hasCommunityForm(community)) {
            throw new ApiException(400, "invalid-parameter", "community 须为 12 位社区代码 / community must be a 12-digit "
                    + "code", "community");
        }
        LocalDate today = Mediation.today();
        Map<Long, PairingEntity> byId = store.pairingsById(r.street());
        List<Case> out = new ArrayList<>();
        for (CaseEntity c : store.cases(r.street())) {
            PairingEntity p = byId.get(c.pairing);
            if (p == null || !who.seesCase(r, p) || (community != null && !community.equals(c.community))) {
                continue;
            }
            Case view = Case.of(c, p, null, today);
            if ((status == null || status.equals(view.status()))
                    && (overdue == null || view.overdue() == Boolean.parseBoolean(overdue))) {
                out.add(view);
            }
        }
        return out;
    }

    Case get(ProgrammeRequest r) throws ApiException {
        CaseEntity c = visible(r);
        return view(c);
    }

    /** A case just made by the caller. */
    Case get(long id, ProgrammeRequest r) {
        return view(store.find(CaseEntity.class, id));
    }

    private Case view(CaseEntity c) {
        List<Session> sessions = store.sessions(c.id).stream().map(Session::of).toList();
        return Case.of(c, store.find(PairingEntity.class, c.pairing), sessions, Mediation.today());
    }

    ApiResponse open(ProgrammeRequest r) throws ApiException {
        Disputes.NewCase body = r.body(Disputes.NewCase.class);
        if (body.pairing() == null) {
            throw ApiException.invalidField("pairing", "须指明结对 / pairing is required");
        }
        Disputes.check(body, Mediation.today());
        PairingEntity p = casePairing(r, body.pairing());
        CaseEntity saved = create(r, p, body, "DIRECT", null);
        return ApiResponse.created(view(saved));
    }

    /** The pairing a new case goes to: active, and the caller works its cases. */
    PairingEntity casePairing(ProgrammeRequest r, long id) throws ApiException {
        PairingEntity p = pairings.pairing(r, id, "pairing");
        if (!who.seesCase(r, p)) {
            throw new ApiException(404, "not-found", "未找到结对 / no such pairing", "pairing");
        }
        if (p.endedOn != null) {
            throw new ApiException(409, "pairing-ended", "结对已结束，不能再受理案件 / the pairing has ended", "pairing");
        }
        return p;
    }

    /** Stores a new case, accepted (受理). */
    CaseEntity create(ProgrammeRequest r, PairingEntity p, Disputes.NewCase body, String source, Long sourceId) {
        LocalDate today = Mediation.today();
        CaseEntity saved = store.tx(em -> {
            CaseEntity c = new CaseEntity();
            c.pairing = p.id;
            c.community = p.community;
            c.kind = body.category().name();
            c.parties = body.parties().strip();
            c.summary = body.summary().strip();
            c.risk = body.risk().name();
            c.status = State.ACCEPTED.name();
            c.openedOn = body.acceptedOn() == null ? today : body.acceptedOn();
            c.source = source;
            c.sourceId = sourceId;
            c.createdBy = r.caller().username();
            em.persist(c);
            em.flush();
            return c;
        });
        r.auditDetail("case " + saved.id + " accepted (" + source + (sourceId == null ? "" : " " + sourceId) + ")");
        return saved;
    }

    ApiResponse session(ProgrammeRequest r) throws ApiException {
        CaseEntity c = visible(r);
        Disputes.Session body = r.body(Disputes.Session.class);
        CaseFlow.next(State.stored(c.status), Step.SESSION);
        LocalDate day = CaseFlow.day("heldOn", body.heldOn(), c.openedOn, Mediation.today());
        Disputes.check(body);
        SessionEntity saved = store.tx(em -> {
            int moved = em.createQuery("UPDATE CaseEntity c SET c.status = 'IN_MEDIATION', c.version = c.version + 1 "
                    + "WHERE c.id = :id AND c.status IN ('ACCEPTED', 'OPEN', 'IN_MEDIATION')").setParameter("id", c.id)
                    .executeUpdate();
            if (moved == 0) {
                return null;
            }
            SessionEntity s = new SessionEntity();
            s.caseId = c.id;
            s.heldOn = day;
            s.attendees = body.attendees().strip();
            s.notes = body.notes().strip();
            s.recordedBy = r.caller().username();
            em.persist(s);
            em.flush();
            return s;
        });
        if (saved == null) {
            throw moved(c.id);
        }
        r.auditDetail("case " + c.id + " session " + saved.id);
        return ApiResponse.created(view(store.find(CaseEntity.class, c.id)));
    }

    Case agree(ProgrammeRequest r) throws ApiException {
        CaseEntity c = visible(r);
        Disputes.Agreement body = r.body(Disputes.Agreement.class);
        State to = CaseFlow.next(State.stored(c.status), Step.AGREE);
        LocalDate last = store.sessions(c.id).stream().map(s -> s.heldOn).max(LocalDate::compareTo).orElse(c.openedOn);
        LocalDate day = CaseFlow.day("reachedOn", body.reachedOn(), last, Mediation.today());
        Disputes.check(body);
        move(c, to, "c.closedOn = :d, c.outcomeNote = :n, c.outcome = 'AGREED'", Map.of("d", day, "n",
                body.terms().strip()));
        r.auditDetail("case " + c.id + " " + to);
        return view(store.find(CaseEntity.class, c.id));
    }

    Case refer(ProgrammeRequest r) throws ApiException {
        CaseEntity c = visible(r);
        Disputes.Referral body = r.body(Disputes.Referral.class);
        State to = CaseFlow.next(State.stored(c.status), Step.REFER);
        LocalDate last = store.sessions(c.id).stream().map(s -> s.heldOn).max(LocalDate::compareTo).orElse(c.openedOn);
        LocalDate day = CaseFlow.day("referredOn", body.referredOn(), last, Mediation.today());
        Disputes.check(body);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("d", day);
        values.put("to", body.to().strip());
        values.put("n", Disputes.text("note", body.note(), 500, false));
        move(c, to, "c.closedOn = :d, c.referredTo = :to, c.outcomeNote = :n, c.outcome = 'REFERRED'", values);
        r.auditDetail("case " + c.id + " " + to + " to " + body.to().strip());
        return view(store.find(CaseEntity.class, c.id));
    }

    Case followUp(ProgrammeRequest r) throws ApiException {
        CaseEntity c = visible(r);
        Disputes.FollowUp body = r.body(Disputes.FollowUp.class);
        State to = CaseFlow.next(State.stored(c.status), Step.FOLLOW_UP);
        LocalDate day = CaseFlow.day("visitedOn", body.visitedOn(), c.closedOn, Mediation.today());
        Disputes.check(body);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("d", day);
        values.put("n", body.notes().strip());
        values.put("ok", body.satisfied());
        move(c, to, "c.followedUpOn = :d, c.followUpNote = :n, c.satisfied = :ok", values);
        r.auditDetail("case " + c.id + " " + to);
        return view(store.find(CaseEntity.class, c.id));
    }

    Case archive(ProgrammeRequest r) throws ApiException {
        CaseEntity c = visible(r);
        Disputes.Archiving body = r.body(Disputes.Archiving.class);
        State to = CaseFlow.next(State.stored(c.status), Step.ARCHIVE);
        LocalDate day = CaseFlow.day("archivedOn", body.archivedOn(), c.followedUpOn, Mediation.today());
        move(c, to, "c.archivedOn = :d", Map.of("d", day));
        r.auditDetail("case " + c.id + " " + to);
        return view(store.find(CaseEntity.class, c.id));
    }

    /** Moves the case on only from the state it was read in: of two steps at once, one wins, the other is 409. */
    private void move(CaseEntity c, State to, String set, Map<String, Object> values) throws ApiException {
        int updated = store.tx(em -> {
            var q = em.createQuery("UPDATE CaseEntity c SET c.status = :to, " + set + ", c.version = c.version + 1 "
                    + "WHERE c.id = :id AND c.status = :from").setParameter("to", to.name()).setParameter("id", c.id)
                    .setParameter("from", c.status);
            values.forEach(q::setParameter);
            return q.executeUpdate();
        });
        if (updated == 0) {
            throw moved(c.id);
        }
    }

    private static ApiException moved(long id) {
        return new ApiException(409, "case-changed", "案件状态刚刚被他人更改，请刷新 / case " + id + " was changed by "
                + "someone else meanwhile: reload it");
    }

    /** The case in the path, if the caller may see it; 404 otherwise (the same as a missing one). */
    private CaseEntity visible(ProgrammeRequest r) throws ApiException {
        long id = r.pathId("case").orElse(-1L);
        CaseEntity c = store.find(CaseEntity.class, id);
        PairingEntity p = c == null ? null : store.find(PairingEntity.class, c.pairing);
        if (c == null || p == null || !p.street.equals(r.street()) || !who.seesCase(r, p)) {
            throw new ApiException(404, "not-found", "未找到案件 / no such case");
        }
        return c;
    }

    Statistics statistics(ProgrammeRequest r) throws ApiException {
        LocalDate from = date(r, "from");
        LocalDate to = date(r, "to");
        if (from != null && to != null && to.isBefore(from)) {
            throw new ApiException(400, "invalid-parameter", "to 不能早于 from / to must not be before from", "to");
        }
        LocalDate today = Mediation.today();
        Map<Long, PairingEntity> byId = store.pairingsById(r.street());
        List<Case> cases = new ArrayList<>();
        for (CaseEntity c : store.cases(r.street())) {
            PairingEntity p = byId.get(c.pairing);
            if (p != null && Who.staff(r, c.community) && (from == null || !c.openedOn.isBefore(from))
                    && (to == null || !c.openedOn.isAfter(to))) {
                cases.add(Case.of(c, p, null, today));
            }
        }
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (State s : State.values()) {
            byStatus.put(s.name(), cases.stream().filter(c -> c.status().equals(s.name())).count());
        }
        List<CategoryCount> byCategory = new ArrayList<>();
        for (Disputes.Category k : Disputes.Category.values()) {
            List<Case> of = cases.stream().filter(c -> k.name().equals(c.category())).toList();
            if (!of.isEmpty()) {
                byCategory.add(new CategoryCount(k.name(), k.zh, of.size(), count(of, "AGREED"), count(of, "REFERRED"),
                        of.stream().filter(c -> c.outcome() == null).count()));
            }
        }
        List<Long> days = cases.stream().filter(c -> c.closedOn() != null)
                .map(c -> ChronoUnit.DAYS.between(c.acceptedOn(), c.closedOn())).toList();
        return new Statistics(r.street(), from, to, cases.size(), count(cases, "AGREED"), count(cases, "REFERRED"),
                cases.stream().filter(c -> c.outcome() == null).count(), cases.stream().filter(Case::overdue).count(),
                Stats.median(days), Stats.mean(days), byCategory, byStatus);
    }

    private static long count(List<Case> cases, String outcome) {
        return cases.stream().filter(c -> outcome.equals(c.outcome())).count();
    }

    private static LocalDate date(ProgrammeRequest r, String name) throws ApiException {
        String v = r.query(name).orElse(null);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (java.time.format.DateTimeParseException e) {
            throw new ApiException(400, "invalid-parameter", name + " 须为 YYYY-MM-DD / " + name + " must be a date "
                    + "YYYY-MM-DD", name);
        }
    }
}
