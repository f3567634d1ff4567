package org.loumen.core.workflow.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.aries.jpa.template.JpaTemplate;
import org.loumen.core.model.DivisionCodes;
import org.loumen.core.model.Leader;
import org.loumen.core.model.LeaderQuery;
import org.loumen.core.model.LeaderService;
import org.loumen.core.model.LeaderStatus;
import org.loumen.core.model.OrganisationService;
import org.loumen.core.model.Street;
import org.loumen.domain.Refusal;
import org.loumen.domain.InputRules;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Capacity training (赋能培训) of serving leaders, in the spirit of 五社联动: a street's providers (its social-work
 * station 社工站, community charity-venture projects 公益创投项目), their sessions with topic, hours and attendance; hours
 * per leader per year, and who has had none this year.
 */
@Component(service = CapacityTrainingService.class)
public final class CapacityTrainingService {

    enum ProviderKind {
        STATION("街镇社工站", "social-work station"), VENTURE("公益创投项目", "charity-venture project");

        final String zh;
        final String en;

        ProviderKind(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }
    }

    record Provider(long id, String street, ProviderKind kind, String kindName, String name, String contact) {
    }

    record SessionDraft(Long provider, LocalDate heldOn, String topic, BigDecimal hours, String place,
            List<Long> attendees) {
    }

    record Attendee(long leader, String name, String community, String communityName) {
    }

    record Session(long id, String street, long provider, String providerName, ProviderKind providerKind,
            LocalDate heldOn, String topic, BigDecimal hours, String place, int attendance, List<Attendee> attendees) {
    }

    record LeaderHours(long leader, String name, String community, String communityName, String status,
            int sessions, BigDecimal hours) {
    }

    record Coverage(String street, String streetName, int year, int serving, int covered, BigDecimal percent,
            int sessions, BigDecimal hours) {
    }

    record YearHours(int year, int sessions, BigDecimal hours) {
    }

    /** Statuses of leaders in service, whom capacity training is for. */
    static final Set<LeaderStatus> SERVING = Set.of(LeaderStatus.CERTIFIED, LeaderStatus.IN_SERVICE,
            LeaderStatus.SUSPENDED);

    private final JpaTemplate jpa;
    private final LeaderService leaders;
    private final OrganisationService organisation;

    @Activate
    public CapacityTrainingService(@Reference(target = "(osgi.unit.name=loumen.workflow)") JpaTemplate jpa,
            @Reference LeaderService leaders, @Reference OrganisationService organisation) {
        this.jpa = jpa;
        this.leaders = leaders;
        this.organisation = organisation;
    }

    // ---- providers

    Provider addProvider(String street, ProviderKind kind, String name, String contact) throws Refusal {
        if (organisation.street(street).isEmpty()) {
            throw Refusal.notFound("街镇", "street", street);
        }
        if (kind == null) {
            throw Refusal.invalidField("kind", "须为 STATION（社工站）或 VENTURE（公益创投项目） / kind is STATION or "
                    + "VENTURE");
        }
        String n = InputRules.text("name", name, false);
        if (n == null || n.isBlank() || n.strip().length() > 100) {
            throw Refusal.invalidField("name", "请填写名称（1-100 字） / name is required (1-100)");
        }
        String c = InputRules.text("contact", contact, false);
        if (c != null && c.strip().length() > 100) {
            throw Refusal.invalidField("contact", "联系方式不超过 100 字 / contact up to 100 characters");
        }
        boolean taken = jpa.txExpr(em -> !em.createQuery("select p.id from CapacityProviderEntity p where "
                + "p.street = :s and p.name = :n", Long.class).setParameter("s", street).setParameter("n", n.strip())
                .getResultList().isEmpty());
        if (taken) {
            throw new Refusal(Refusal.Kind.CONFLICT, "conflict", "本街镇已有同名机构 / a provider of this name exists", "name");
        }
        long id = jpa.txExpr(em -> {
            CapacityProviderEntity p = new CapacityProviderEntity();
            p.street = street;
            p.kind = kind.name();
            p.name = n.strip();
            p.contact = c == null || c.isBlank() ? null : c.strip();
            em.persist(p);
            em.flush();
            return p.id;
        });
        return providers(street).stream().filter(p -> p.id() == id).findFirst().orElseThrow();
    }

    List<Provider> providers(String street) {
        return jpa.txExpr(em -> em.createQuery("select p from CapacityProviderEntity p where p.street = :s "
                + "order by p.kind desc, p.name", CapacityProviderEntity.class).setParameter("s", street)
                .getResultList().stream().map(CapacityTrainingService::provider).toList());
    }

    private static Provider provider(CapacityProviderEntity p) {
        ProviderKind k = ProviderKind.valueOf(p.kind);
        return new Provider(p.id, p.street, k, k.zh + " / " + k.en, p.name, p.contact);
    }

    // ---- sessions

    /** Records a session and who attended, all or nothing: every attendee is a serving leader of the street. */
    Session addSession(String street, SessionDraft d, String actor) throws Refusal {
        if (organisation.street(street).isEmpty()) {
            throw Refusal.notFound("街镇", "street", street);
        }
        CapacityProviderEntity p = d.provider() == null ? null
                : jpa.txExpr(em -> em.find(CapacityProviderEntity.class, d.provider()));
        if (p == null || !p.street.equals(street)) {
            throw Refusal.invalidField("provider", "请选择本街镇的培训机构 / provider must be one of the street's");
        }
        LocalDate today = LocalDate.now(EvaluationService.CHINA);
        if (d.heldOn() == null || d.heldOn().isAfter(today) || InputRules.dateProblem(d.heldOn()) != null) {
            throw Refusal.invalidField("heldOn", "培训日期须为今天或以前 / heldOn is required and not in the "
                    + "future");
        }
        String topic = InputRules.text("topic", d.topic(), false);
        if (topic == null || topic.isBlank() || topic.strip().length() > 100) {
            throw Refusal.invalidField("topic", "请填写培训主题（1-100 字） / topic is required (1-100)");
        }
        int tenths = CapacityTraining.tenths(d.hours());
        if (tenths < 0) {
            throw Refusal.invalidField("hours", "学时为 0.5 至 8，精确到 0.1 / hours from 0.5 to 8, in tenths");
        }
        String place = InputRules.text("place", d.place(), false);
        if (place != null && place.strip().length() > 200) {
            throw Refusal.invalidField("place", "地点不超过 200 字 / place up to 200 characters");
        }
        if (d.attendees() == null || d.attendees().isEmpty() || d.attendees().size() > 500) {
            throw Refusal.invalidField("attendees", "请选择 1 至 500 位参训楼门栋长 / choose 1 to 500 attendees");
        }
        List<Leader> who = new ArrayList<>();
        for (Long id : new LinkedHashSet<>(d.attendees())) {
            Leader l = id == null ? null : leaders.leader(id).filter(x -> street.equals(x.street())
                    && SERVING.contains(x.status())).orElse(null);
            if (l == null) {
                throw Refusal.invalidField("attendees", "本街镇没有在任的楼门栋长 " + id + " / no serving leader "
                        + id + " in the street");
            }
            who.add(l);
        }
        long id = jpa.txExpr(em -> {
            CapacitySessionEntity s = new CapacitySessionEntity();
            s.street = street;
            s.provider = p.id;
            s.heldOn = d.heldOn();
            s.topic = topic.strip();
            s.tenths = tenths;
            s.place = place == null || place.isBlank() ? null : place.strip();
            s.createdBy = actor;
            em.persist(s);
            em.flush();
            for (Leader l : who) {
                CapacityAttendanceEntity a = new CapacityAttendanceEntity();
                a.session = s.id;
                a.leader = l.id();
                a.community = l.community();
                a.heldOn = s.heldOn;
                a.tenths = tenths;
                em.persist(a);
            }
            return s.id;
        });
        return session(id).orElseThrow();
    }

    Optional<String> streetOfSession(long id) {
        return jpa.txExpr(em -> Optional.ofNullable(em.find(CapacitySessionEntity.class, id)).map(s -> s.street));
    }

    Optional<Session> session(long id) {
        return jpa.txExpr(em -> {
            CapacitySessionEntity s = em.find(CapacitySessionEntity.class, id);
            if (s == null) {
                return Optional.empty();
            }
            List<CapacityAttendanceEntity> as = em.createQuery("select a from CapacityAttendanceEntity a where "
                    + "a.session = :s", CapacityAttendanceEntity.class).setParameter("s", id).getResultList();
            Map<String, String> names = Scopes.communityNames(organisation, as.stream().map(a -> a.community)
                    .toList());
            List<Attendee> list = new ArrayList<>();
            for (CapacityAttendanceEntity a : as) {
                list.add(new Attendee(a.leader, leaders.leader(a.leader).map(Leader::name).orElse("#" + a.leader),
                        a.community, names.getOrDefault(a.community, a.community)));
            }
            list.sort(Comparator.comparing(Attendee::communityName).thenComparing(Attendee::name));
            CapacityProviderEntity p = em.find(CapacityProviderEntity.class, s.provider);
            return Optional.of(new Session(s.id, s.street, s.provider, p == null ? "" : p.name,
                    p == null ? null : ProviderKind.valueOf(p.kind), s.heldOn, s.topic,
                    CapacityTraining.hours(s.tenths), s.place, list.size(), list));
        });
    }

    /** The sessions of a street in a year, newest first, without the attendee lists. */
    List<Session> sessions(String street, int year) {
        return jpa.txExpr(em -> {
            Map<Long, CapacityProviderEntity> providers = new HashMap<>();
            List<Session> out = new ArrayList<>();
            for (CapacitySessionEntity s : em.createQuery("select s from CapacitySessionEntity s where "
                    + "s.street = :st and s.heldOn >= :from and s.heldOn <= :to order by s.heldOn desc, s.id desc",
                    CapacitySessionEntity.class).setParameter("st", street)
                    .setParameter("from", LocalDate.of(year, 1, 1)).setParameter("to", LocalDate.of(year, 12, 31))
                    .getResultList()) {
                CapacityProviderEntity p = providers.computeIfAbsent(s.provider,
                        k -> em.find(CapacityProviderEntity.class, k));
                int n = em.createQuery("select count(a) from CapacityAttendanceEntity a where a.session = :s",
                        Long.class).setParameter("s", s.id).getSingleResult().intValue();
                out.add(new Session(s.id, s.street, s.provider, p == null ? "" : p.name,
                        p == null ? null : ProviderKind.valueOf(p.kind), s.heldOn, s.topic,
                        CapacityTraining.hours(s.tenths), s.place, n, List.of()));
            }
            return out;
        });
    }

    // ---- hours and coverage

    /** Hours of each serving leader within the scopes of the street in the year, fewest first (none at the top). */
    List<LeaderHours> hours(Set<String> scopes, String street, int year) {
        List<Leader> serving = serving(scopes, street);
        Map<Long, long[]> sums = sums(scopes, street, year);
        Map<String, String> names = Scopes.communityNames(organisation, serving.stream().map(Leader::community)
                .toList());
        List<LeaderHours> out = new ArrayList<>();
        for (Leader l : serving) {
            long[] s = sums.getOrDefault(l.id(), new long[2]);
            out.add(new LeaderHours(l.id(), l.name(), l.community(), names.getOrDefault(l.community(),
                    l.community()), l.status().name(), (int) s[0], CapacityTraining.hours(s[1])));
        }
        out.sort(Comparator.comparing(LeaderHours::hours).thenComparing(LeaderHours::communityName)
                .thenComparing(LeaderHours::name));
        return out;
    }

    private List<Leader> serving(Set<String> scopes, String street) {
        Set<String> within = Scopes.within(scopes, street);
        // every serving status in one listing (a status set); hours() sorts the rows itself
        return new ArrayList<>(Pages.all(n -> leaders.find(within, LeaderQuery.inStatus(street, SERVING), n,
                Pages.SIZE, "name").items()));
    }

    /** leader → {sessions, tenths} in the year within the scopes of the street. */
    private Map<Long, long[]> sums(Set<String> scopes, String street, int year) {
        Set<String> within = Scopes.within(scopes, street);
        return jpa.txExpr(em -> {
            var q = em.createQuery("select a.leader, count(a), sum(a.tenths) from CapacityAttendanceEntity a where "
                    + "a.heldOn >= :from and a.heldOn <= :to and " + Scopes.clause("a.community", within)
                    + " group by a.leader", Object[].class);
            q.setParameter("from", LocalDate.of(year, 1, 1)).setParameter("to", LocalDate.of(year, 12, 31));
            Scopes.bind(q, within);
            Map<Long, long[]> m = new HashMap<>();
            for (Object[] r : q.getResultList()) {
                m.put(((Number) r[0]).longValue(), new long[] { ((Number) r[1]).longValue(),
                        ((Number) r[2]).longValue() });
            }
            return m;
        });
    }

    /**
     * Coverage per street within the scopes: serving leaders with at least one session in the year. Read in one pass
     * over the caller's scope (the serving leaders counted per community by the database, its attendance grouped by
     * leader and community, the sessions grouped by street, and the status and community of the year's attendees
     * only), not street by street: the district's page asked some 20 queries for each of 17 streets.
     */
    List<Coverage> coverage(Set<String> scopes, String street, int year) {
        List<Street> streets = organisation.streets().stream()
                .filter(st -> scopes.stream().anyMatch(s -> st.code().startsWith(s) || s.startsWith(st.code())))
                .filter(st -> street == null || street.equals(st.code())).toList();
        if (streets.isEmpty()) {
            return List.of();
        }
        Set<String> within = Scopes.within(scopes, street);
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        // street -> leaders who came to a session in the year (by the attendance's community)
        Map<String, Set<Long>> attended = new HashMap<>();
        Map<String, Long> tenths = new HashMap<>();
        Map<String, Long> sessions = new HashMap<>();
        jpa.tx(em -> {
            var q = em.createQuery("select a.leader, a.community, sum(a.tenths) from CapacityAttendanceEntity a where "
                    + "a.heldOn >= :from and a.heldOn <= :to and " + Scopes.clause("a.community", within)
                    + " group by a.leader, a.community", Object[].class);
            q.setParameter("from", from).setParameter("to", to);
            Scopes.bind(q, within);
            for (Object[] r : q.getResultList()) {
                String st = DivisionCodes.streetOf((String) r[1]);
                attended.computeIfAbsent(st, k -> new HashSet<>()).add(((Number) r[0]).longValue());
                tenths.merge(st, ((Number) r[2]).longValue(), Long::sum);
            }
            for (Object[] r : em.createQuery("select s.street, count(s) from CapacitySessionEntity s where "
                    + "s.heldOn >= :from and s.heldOn <= :to group by s.street", Object[].class)
                    .setParameter("from", from).setParameter("to", to).getResultList()) {
                sessions.put((String) r[0], ((Number) r[1]).longValue());
            }
        });
        // serving leaders per street counted by the database (one grouped count; a city's district has some 100,000
        // serving leaders, whose ids were read before), and of the year's attendees only, who serves and where now
        LeaderQuery servingNow = LeaderQuery.inStatus(street, SERVING);
        Map<String, Long> serving = new HashMap<>();
        leaders.countsByCommunity(within, servingNow).forEach(
                (community, n) -> serving.merge(DivisionCodes.streetOf(community), n, Long::sum));
        Set<Long> attendees = new HashSet<>();
        attended.values().forEach(attendees::addAll);
        Map<Long, String> servingAttendees = leaders.communities(within, servingNow, attendees);
        List<Coverage> out = new ArrayList<>();
        for (Street st : streets) {
            int here = serving.getOrDefault(st.code(), 0L).intValue();
            // serving leaders of this street (by their community now) who came to a session of this street
            int covered = (int) attended.getOrDefault(st.code(), Set.of()).stream().filter(id -> {
                String community = servingAttendees.get(id);
                return community != null && DivisionCodes.streetOf(community).equals(st.code());
            }).count();
            out.add(new Coverage(st.code(), st.name(), year, here, covered,
                    CapacityTraining.coverage(covered, here), sessions.getOrDefault(st.code(), 0L).intValue(),
                    CapacityTraining.hours(tenths.getOrDefault(st.code(), 0L))));
        }
        return out;
    }

    /** A leader's capacity training: the sessions attended, newest first, and hours per year. */
    Map<String, Object> record(long leader) {
        return jpa.txExpr(em -> {
            List<Map<String, Object>> sessions = new ArrayList<>();
            Map<Integer, long[]> years = new java.util.TreeMap<>(java.util.Collections.reverseOrder());
            for (CapacityAttendanceEntity a : em.createQuery("select a from CapacityAttendanceEntity a where "
                    + "a.leader = :l order by a.heldOn desc", CapacityAttendanceEntity.class)
                    .setParameter("l", leader).getResultList()) {
                CapacitySessionEntity s = em.find(CapacitySessionEntity.class, a.session);
                CapacityProviderEntity p = s == null ? null : em.find(CapacityProviderEntity.class, s.provider);
                Map<String, Object> m = new java.util.LinkedHashMap<>();
                m.put("session", a.session);
                m.put("heldOn", a.heldOn);
                m.put("topic", s == null ? "" : s.topic);
                m.put("provider", p == null ? "" : p.name);
                m.put("hours", CapacityTraining.hours(a.tenths));
                sessions.add(m);
                long[] y = years.computeIfAbsent(a.heldOn.getYear(), k -> new long[2]);
                y[0]++;
                y[1] += a.tenths;
            }
            List<YearHours> perYear = years.entrySet().stream().map(e -> new YearHours(e.getKey(),
                    (int) e.getValue()[0], CapacityTraining.hours(e.getValue()[1]))).toList();
            return Map.of("sessions", sessions, "years", perYear);
        });
    }
}
