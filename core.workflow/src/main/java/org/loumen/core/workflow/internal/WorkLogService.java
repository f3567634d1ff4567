package org.loumen.core.workflow.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.loumen.core.model.Duty;
import org.loumen.core.model.OrganisationService;
import org.loumen.domain.Refusal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The leaders' work log (民情日志): entries by the five duties (五员), each leader's own list and yearly summary, and
 * counts for the community and the street.
 */
@Component(service = WorkLogService.class)
public final class WorkLogService {

    static final int MAX_NOTE = 1000;
    static final int MAX_DAYS_BACK = 366;

    record Entry(long id, Duty duty, String dutyLabel, LocalDate day, String place, String placeLabel, String note,
            Instant createdAt) {
    }

    record Page(List<Entry> items, long total) {
    }

    record DutyCount(Duty duty, String dutyLabel, long count) {
    }

    record Summary(int year, long total, List<DutyCount> duties) {
    }

    record Stats(int year, long total, List<DutyCount> duties, long leaders) {
    }

    private final JpaTemplate jpa;
    private final OrganisationService organisation;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public WorkLogService(@Reference(target = "(osgi.unit.name=loumen.workflow)") JpaTemplate jpa,
            @Reference OrganisationService organisation) {
        this.jpa = jpa;
        this.organisation = organisation;
    }

    /**
     * Writes an entry for the author.
     *
     * @param places the author's places; the entry's place, when given, must lie within one of them
     */
    Entry write(String author, Long leader, Set<String> places, String duty, LocalDate day, String place,
            String note) throws Refusal {
        Duty d = duty(duty);
        LocalDate today = LocalDate.now(EvaluationService.CHINA);
        if (day == null || day.isAfter(today) || day.isBefore(today.minusDays(MAX_DAYS_BACK))) {
            throw Refusal.invalidField("day", "日期须为今天或之前 " + MAX_DAYS_BACK + " 天内 / day must be today or "
                    + "within the last " + MAX_DAYS_BACK + " days");
        }
        String text = note == null ? "" : note.strip();
        if (text.isEmpty() || text.codePointCount(0, text.length()) > MAX_NOTE) {
            throw Refusal.invalidField("note", "内容须为 1 至 " + MAX_NOTE + " 个字 / note must be 1-" + MAX_NOTE
                    + " characters");
        }
        String at = place == null || place.isBlank() ? (places.size() == 1 ? places.iterator().next() : null)
                : place.strip();
        if (at != null && places.stream().noneMatch(at::startsWith)) {
            throw Refusal.invalidField("place", "须为您负责的楼门或楼栋 / place must be one of your units or "
                    + "buildings");
        }
        Places p = at == null ? null : Places.of(organisation, at).orElseThrow(() -> Refusal.invalidField(
                "place", "没有此楼门或楼栋 / no such unit or building"));
        String community = at != null ? at.substring(0, 12) : places.iterator().next().substring(0, 12);
        long now = clock.millis();
        return jpa.txExpr(em -> {
            WorkLogEntity e = new WorkLogEntity();
            e.author = author;
            e.leader = leader;
            e.community = community;
            e.place = at;
            e.duty = d.name();
            e.day = day;
            e.note = text;
            e.createdAt = now;
            em.persist(e);
            return entry(e, p == null ? null : p.label());
        });
    }

    private static Duty duty(String duty) throws Refusal {
        try {
            return Duty.valueOf(duty == null ? "" : duty.strip());
        } catch (IllegalArgumentException e) {
            throw Refusal.invalidField("duty", "须为五员之一 / duty must be one of " + List.of(Duty.values()));
        }
    }

    /** The author's entries, newest day first. */
    Page mine(String author, int page, int size) {
        Page raw = jpa.txExpr(em -> {
            long total = em.createQuery("select count(w) from WorkLogEntity w where w.author = :a", Long.class)
                    .setParameter("a", author).getSingleResult();
            return new Page(em.createQuery("select w from WorkLogEntity w where w.author = :a order by w.day desc, "
                    + "w.id desc", WorkLogEntity.class).setParameter("a", author).setFirstResult((page - 1) * size)
                    .setMaxResults(size).getResultList().stream().map(w -> entry(w, w.place)).toList(), total);
        });
        Map<String, String> labels = new HashMap<>();
        return new Page(raw.items().stream().map(e -> e.place() == null ? e : new Entry(e.id(), e.duty(),
                e.dutyLabel(), e.day(), e.place(), labels.computeIfAbsent(e.place(), c -> Places.of(organisation, c)
                        .map(Places::label).orElse(null)), e.note(), e.createdAt())).toList(), raw.total());
    }

    /** The author's entries of a year, by duty (all five, in order). */
    Summary summary(String author, int year) {
        Map<Duty, Long> counts = count("w.author = :a", q -> q.setParameter("a", author), year);
        return new Summary(year, counts.values().stream().mapToLong(Long::longValue).sum(), duties(counts));
    }

    /** The entries of a year within the scopes (narrowed to a street or community), and how many leaders wrote. */
    Stats stats(Set<String> scopes, String street, String community, int year) {
        Set<String> within = Scopes.within(Scopes.within(scopes, street), community);
        String where = Scopes.clause("w.community", within);
        Map<Duty, Long> counts = count(where, q -> Scopes.bind(q, within), year);
        long leaders = jpa.txExpr(em -> {
            TypedQuery<Long> q = em.createQuery("select count(distinct w.author) from WorkLogEntity w where " + where
                    + " and w.day >= :from and w.day <= :to", Long.class);
            Scopes.bind(q, within);
            return q.setParameter("from", LocalDate.of(year, 1, 1)).setParameter("to", LocalDate.of(year, 12, 31))
                    .getSingleResult();
        });
        return new Stats(year, counts.values().stream().mapToLong(Long::longValue).sum(), duties(counts), leaders);
    }

    private Map<Duty, Long> count(String where, java.util.function.Consumer<TypedQuery<?>> bind, int year) {
        Map<Duty, Long> counts = new EnumMap<>(Duty.class);
        for (Duty d : Duty.values()) {
            counts.put(d, 0L);
        }
        jpa.txExpr(em -> {
            TypedQuery<Object[]> q = em.createQuery("select w.duty, count(w) from WorkLogEntity w where " + where
                    + " and w.day >= :from and w.day <= :to group by w.duty", Object[].class);
            bind.accept(q);
            return q.setParameter("from", LocalDate.of(year, 1, 1)).setParameter("to", LocalDate.of(year, 12, 31))
                    .getResultList();
        }).forEach(r -> counts.put(Duty.valueOf((String) r[0]), ((Number) r[1]).longValue()));
        return counts;
    }

    private static List<DutyCount> duties(Map<Duty, Long> counts) {
        List<DutyCount> out = new ArrayList<>();
        counts.forEach((d, n) -> out.add(new DutyCount(d, d.zh(), n)));
        return out;
    }

    private static Entry entry(WorkLogEntity w, String placeLabel) {
        Duty d = Duty.valueOf(w.duty);
        return new Entry(w.id, d, d.zh(), w.day, w.place, placeLabel, w.note, Instant.ofEpochMilli(w.createdAt));
    }
}
