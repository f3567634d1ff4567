package org.loumen.core.workflow.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.loumen.core.model.DivisionCodes;
import org.loumen.core.model.Household;
import org.loumen.core.model.HouseholdService;
import org.loumen.core.model.OrganisationService;
import org.loumen.core.workflow.internal.ConsultationRules.Kind;
import org.loumen.domain.Refusal;
import org.loumen.domain.StoreConflict;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Unit consultations (将涉及居民利益的工作搬到楼门栋间，广泛集民意汇民智): opened by the community or a leader for a
 * unit or building, with a code per household; one answer per household, by its code or recorded door to door;
 * results for the households of the place (the unit page) and for the community; the reports and meetings it led to.
 */
@Component(service = ConsultationService.class)
public final class ConsultationService {

    record Link(String kind, long id) {
    }

    record View(long id, String place, String placeLabel, String community, String communityName, String question,
            Kind kind, List<String> options, LocalDate opensOn, LocalDate closesOn, LocalDate closedOn, boolean open,
            String openedBy, Long leader, long households, long answered, List<Link> links) {
    }

    record OptionCount(int choice, String option, long count) {
    }

    record Results(long consultation, String question, Kind kind, boolean open, long households, long answered,
            long byCode, long doorToDoor, List<OptionCount> options, long freeAnswers, List<String> answers) {
    }

    /** A household's code; {@code unit} is its unit's code (the resident page /u/{unit} where it answers). */
    record Code(long household, String unitLabel, String room, String code, boolean used, String unit) {
    }

    /** What a resident sees after typing a code. */
    record Lookup(long consultation, String question, Kind kind, List<String> options, String placeLabel,
            String communityName, LocalDate closesOn, boolean open, boolean answered) {
    }

    private final JpaTemplate jpa;
    private final OrganisationService organisation;
    private final HouseholdService households;
    private final ReportService reports;
    private final MeetingService meetings;

    @Activate
    public ConsultationService(@Reference(target = "(osgi.unit.name=loumen.workflow)") JpaTemplate jpa,
            @Reference OrganisationService organisation, @Reference HouseholdService households,
            @Reference ReportService reports, @Reference MeetingService meetings) {
        this.jpa = jpa;
        this.organisation = organisation;
        this.households = households;
        this.reports = reports;
        this.meetings = meetings;
    }

    /** Opens a consultation for a unit or building and issues a code to each of its households. */
    View open(String place, String question, String kind, List<String> options, LocalDate opensOn,
            LocalDate closesOn, String actor, Long leader) throws Refusal {
        if (!DivisionCodes.hasBuildingOrUnitForm(place) || Places.of(organisation, place).isEmpty()) {
            throw Refusal.invalidField("place", "须为本社区的楼门或楼栋代码 / place must be a unit or building code");
        }
        String q = Civic.text("question", question, 200);
        Kind k = ConsultationRules.kind(kind);
        List<String> opts = ConsultationRules.options(k, options);
        LocalDate from = opensOn == null ? Civic.today() : opensOn;
        ConsultationRules.period(from, closesOn, Civic.today());
        List<Household> homes = Pages.all(n -> households.find(Set.of(place), place.substring(0, 12), null, null, n,
                Pages.SIZE).items());
        if (homes.isEmpty()) {
            throw Refusal.invalidField("place", "此处还没有登记住户 / no households are registered there");
        }
        ConsultationEntity c = jpa.txExpr(em -> {
            ConsultationEntity e = new ConsultationEntity();
            e.place = place;
            e.community = place.substring(0, 12);
            e.question = q;
            e.kind = k.name();
            e.options = String.join("\n", opts);
            e.opensOn = from;
            e.closesOn = closesOn;
            e.openedBy = actor;
            e.leader = leader;
            em.persist(e);
            em.flush();
            for (Household h : homes) {
                ConsultationCodeEntity code = new ConsultationCodeEntity();
                code.code = BallotCodes.generate();
                code.consultation = e.id;
                code.household = h.id();
                em.persist(code);
            }
            return e;
        });
        return view(c);
    }

    Optional<View> consultation(long id) {
        return Optional.ofNullable(jpa.txExpr(em -> em.find(ConsultationEntity.class, id))).map(this::view);
    }

    Optional<String> placeOf(long id) {
        return Optional.ofNullable(jpa.txExpr(em -> em.find(ConsultationEntity.class, id))).map(c -> c.place);
    }

    /** Consultations whose place lies within the scopes (narrowed to a street or community), newest first. */
    List<View> list(Set<String> scopes, String street, String community) {
        Set<String> within = Scopes.within(Scopes.within(scopes, street), community);
        return jpa.txExpr(em -> {
            TypedQuery<ConsultationEntity> q = em.createQuery("select c from ConsultationEntity c where " + Scopes
                    .clause("c.place", within) + " order by c.opensOn desc, c.id desc", ConsultationEntity.class);
            Scopes.bind(q, within);
            return q.getResultList();
        }).stream().map(this::view).toList();
    }

    /** Consultations of a unit and of its building, for the unit's households (the unit page): no names. */
    List<View> forUnit(String unit) {
        return jpa.txExpr(em -> em.createQuery("select c from ConsultationEntity c where c.place = :u or c.place = :b "
                + "order by c.opensOn desc, c.id desc", ConsultationEntity.class).setParameter("u", unit)
                .setParameter("b", unit.substring(0, 16)).setMaxResults(20).getResultList()).stream()
                .map(this::view).toList();
    }

    /** The results: counts per option, or the free answers when {@code withAnswers}. */
    Results results(long id, boolean withAnswers) {
        ConsultationEntity c = jpa.txExpr(em -> em.find(ConsultationEntity.class, id));
        List<ConsultationAnswerEntity> answers = jpa.txExpr(em -> em.createQuery("select a from "
                + "ConsultationAnswerEntity a where a.consultation = :c order by a.answeredAt, a.id",
                ConsultationAnswerEntity.class).setParameter("c", id).getResultList());
        List<String> opts = options(c);
        long[] counts = ConsultationRules.tally(opts.size(), answers.stream().map(a -> a.choice).toList());
        List<OptionCount> byOption = new ArrayList<>();
        for (int i = 0; i < opts.size(); i++) {
            byOption.add(new OptionCount(i, opts.get(i), counts[i]));
        }
        long free = answers.stream().filter(a -> a.text != null).count();
        long total = jpa.txExpr(em -> em.createQuery("select count(k) from ConsultationCodeEntity k where "
                + "k.consultation = :c", Long.class).setParameter("c", id).getSingleResult());
        return new Results(id, c.question, Kind.valueOf(c.kind), open(c), total, answers.size(), answers.stream()
                .filter(a -> "CODE".equals(a.via)).count(), answers.stream().filter(a -> "DOOR".equals(a.via)).count(),
                byOption, free, withAnswers ? answers.stream().filter(a -> a.text != null).map(a -> a.text).toList()
                        : List.of());
    }

    /** The households' codes, for the slips the leader hands out (by unit and room). */
    List<Code> codes(long id) {
        ConsultationEntity c = jpa.txExpr(em -> em.find(ConsultationEntity.class, id));
        List<ConsultationCodeEntity> codes = jpa.txExpr(em -> em.createQuery("select k from ConsultationCodeEntity k "
                + "where k.consultation = :c", ConsultationCodeEntity.class).setParameter("c", id).getResultList());
        Map<Long, Household> homes = new java.util.HashMap<>();
        Pages.all(n -> households.find(Set.of(c.place), c.community, null, null, n, Pages.SIZE).items())
                .forEach(h -> homes.put(h.id(), h));
        List<Code> out = new ArrayList<>();
        for (ConsultationCodeEntity k : codes) {
            Household h = homes.get(k.household);
            out.add(new Code(k.household, h == null ? null : h.buildingLabel() + h.unitLabel(), h == null ? null
                    : h.room(), BallotCodes.format(k.code), k.used, h == null ? null : h.unit()));
        }
        out.sort(java.util.Comparator.comparing((Code x) -> String.valueOf(x.unitLabel())).thenComparing(
                x -> String.valueOf(x.room())));
        return out;
    }

    /** What a typed code opens, or empty when it names no consultation. */
    Optional<Lookup> lookup(String typed) {
        String code = BallotCodes.normalise(typed);
        if (code == null) {
            return Optional.empty();
        }
        ConsultationCodeEntity k = jpa.txExpr(em -> em.find(ConsultationCodeEntity.class, code));
        if (k == null) {
            return Optional.empty();
        }
        ConsultationEntity c = jpa.txExpr(em -> em.find(ConsultationEntity.class, k.consultation));
        boolean answered = k.used || jpa.txExpr(em -> em.createQuery("select count(a) from ConsultationAnswerEntity a "
                + "where a.consultation = :c and a.household = :h", Long.class).setParameter("c", c.id)
                .setParameter("h", k.household).getSingleResult()) > 0;
        Places p = Places.of(organisation, c.place).orElse(null);
        return Optional.of(new Lookup(c.id, c.question, Kind.valueOf(c.kind), options(c), p == null ? null
                : p.label(), p == null ? null : p.communityName(), c.closesOn, open(c), answered));
    }

    /** A household answers with its code; refused when the code was used or the consultation is not open. */
    void answerByCode(String typed, Integer choice, String text) throws Refusal {
        String code = BallotCodes.normalise(typed);
        ConsultationCodeEntity k = code == null ? null : jpa.txExpr(em -> em.find(ConsultationCodeEntity.class, code));
        if (k == null) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "not-found", "户码不正确 / no such code", "code");
        }
        store(k.consultation, k.household, choice, text, "CODE", null, code);
    }

    /** A leader or secretary records a household's answer given at the door. */
    void answerAtDoor(long id, Long household, Integer choice, String text, String actor) throws Refusal {
        if (household == null) {
            throw Refusal.invalidField("household", "请选择住户 / household is required");
        }
        boolean has = jpa.txExpr(em -> em.createQuery("select count(k) from ConsultationCodeEntity k where "
                + "k.consultation = :c and k.household = :h", Long.class).setParameter("c", id)
                .setParameter("h", household).getSingleResult()) > 0;
        if (!has) {
            throw Refusal.invalidField("household", "不是此处的住户 / not a household of this place");
        }
        store(id, household, choice, text, "DOOR", actor, null);
    }

    private void store(long id, long household, Integer choice, String text, String via, String actor, String code)
            throws Refusal {
        ConsultationEntity c = jpa.txExpr(em -> em.find(ConsultationEntity.class, id));
        if (!open(c)) {
            throw new Refusal(Refusal.Kind.CONFLICT, "consultation-closed", "议事不在征询期内 / the consultation is not open",
                    code != null ? "code" : "household");
        }
        ConsultationRules.Answer a = ConsultationRules.answer(Kind.valueOf(c.kind), options(c).size(), choice, text);
        long now = System.currentTimeMillis();
        Boolean stored;
        try {
            stored = jpa.txExpr(em -> {
                // the household's code is taken by one conditional update: parallel answers leave one
                int taken = em.createQuery("update ConsultationCodeEntity k set k.used = true where k.consultation = "
                        + ":c and k.household = :h and k.used = false").setParameter("c", id)
                        .setParameter("h", household).executeUpdate();
                if (taken == 0) {
                    return false;
                }
                ConsultationAnswerEntity e = new ConsultationAnswerEntity();
                e.consultation = id;
                e.household = household;
                e.choice = a.choice();
                e.text = a.text();
                e.via = via;
                e.recordedBy = actor;
                e.answeredAt = now;
                em.persist(e);
                return true;
            });
        } catch (RuntimeException e) {
            if (StoreConflict.in(e).isEmpty()) {
                throw e;
            }
            stored = false;
        }
        if (!stored) {
            throw new Refusal(Refusal.Kind.CONFLICT, "already-answered",
                    "这户已经回答过 / this household has answered already",
                    code != null ? "code" : "household");
        }
    }

    /** Closes a consultation before its day. */
    View close(long id) throws Refusal {
        int changed = jpa.txExpr(em -> em.createQuery("update ConsultationEntity c set c.closedOn = :t where "
                + "c.id = :id and c.closedOn is null").setParameter("t", Civic.today()).setParameter("id", id)
                .executeUpdate());
        if (changed == 0) {
            throw Refusal.conflict("consultation-closed", "议事已结束 / closed already");
        }
        return consultation(id).orElseThrow();
    }

    /** Keeps the report or meeting the consultation led to; it must be of the same community. */
    View link(long id, Long report, Long meeting) throws Refusal {
        ConsultationEntity c = jpa.txExpr(em -> em.find(ConsultationEntity.class, id));
        if ((report == null) == (meeting == null)) {
            throw Refusal.invalidField(report == null ? "report" : "meeting", "请给出一件问题时报或一次例会 / give "
                    + "one report or one meeting");
        }
        String link;
        if (report != null) {
            if (reports.view(report).filter(v -> v.community().equals(c.community)).isEmpty()) {
                throw Refusal.invalidField("report", "本社区没有此问题时报 / no such report in this community");
            }
            link = "REPORT:" + report;
        } else {
            if (meetings.view(meeting).filter(v -> v.community().equals(c.community)).isEmpty()) {
                throw Refusal.invalidField("meeting", "本社区没有此例会 / no such meeting in this community");
            }
            link = "MEETING:" + meeting;
        }
        jpa.tx(em -> {
            em.createQuery("update ConsultationEntity c set c.closedOn = c.closedOn where c.id = :id")
                    .setParameter("id", id).executeUpdate(); // the row's lock: links are added one at a time
            ConsultationEntity e = em.find(ConsultationEntity.class, id);
            em.refresh(e);
            List<String> now = e.links == null || e.links.isEmpty() ? new ArrayList<>()
                    : new ArrayList<>(Arrays.asList(e.links.split("\n")));
            if (!now.contains(link) && now.size() < 50) {
                now.add(link);
                e.links = String.join("\n", now);
            }
        });
        return consultation(id).orElseThrow();
    }

    /** Figures for the dashboard within scope: open consultations, households answered this year. */
    Map<String, Long> figures(Set<String> scopes, String street) {
        // two reads for the scope (the consultations' dates, and their answers counted together) where the list
        // makes a view of each consultation with two counts of its own
        Set<String> within = Scopes.within(scopes, street);
        return jpa.txExpr(em -> {
            TypedQuery<ConsultationEntity> q = em.createQuery("select c from ConsultationEntity c where " + Scopes
                    .clause("c.place", within), ConsultationEntity.class);
            Scopes.bind(q, within);
            List<ConsultationEntity> all = q.getResultList();
            long answered = 0;
            if (!all.isEmpty()) {
                TypedQuery<Long> a = em.createQuery("select count(a.id) from ConsultationAnswerEntity a, "
                        + "ConsultationEntity c where a.consultation = c.id and " + Scopes.clause("c.place", within),
                        Long.class);
                Scopes.bind(a, within);
                Long n = a.getSingleResult();
                answered = n == null ? 0 : n;
            }
            Map<String, Long> f = new java.util.LinkedHashMap<>();
            f.put("consultations", (long) all.size());
            f.put("open", all.stream().filter(ConsultationService::open).count());
            f.put("answered", answered);
            return f;
        });
    }

    private static boolean open(ConsultationEntity c) {
        return ConsultationRules.open(c.opensOn, c.closesOn, c.closedOn, Civic.today());
    }

    private static List<String> options(ConsultationEntity c) {
        return c.options == null || c.options.isEmpty() ? List.of() : List.of(c.options.split("\n"));
    }

    private View view(ConsultationEntity c) {
        Places p = Places.of(organisation, c.place).orElse(null);
        long[] counts = jpa.txExpr(em -> new long[] {
                em.createQuery("select count(k) from ConsultationCodeEntity k where k.consultation = :c", Long.class)
                        .setParameter("c", c.id).getSingleResult(),
                em.createQuery("select count(a) from ConsultationAnswerEntity a where a.consultation = :c", Long.class)
                        .setParameter("c", c.id).getSingleResult() });
        List<Link> links = c.links == null || c.links.isEmpty() ? List.of() : Arrays.stream(c.links.split("\n"))
                .map(l -> new Link(l.substring(0, l.indexOf(':')), Long.parseLong(l.substring(l.indexOf(':') + 1))))
                .toList();
        return new View(c.id, c.place, p == null ? c.place : p.label(), c.community, p == null ? null
                : p.communityName(), c.question, Kind.valueOf(c.kind), options(c), c.opensOn, c.closesOn, c.closedOn,
                open(c), c.openedBy, c.leader, counts[0], counts[1], links);
    }
}
