package org.loumen.core.workflow.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.loumen.core.workflow.events.WorkflowTopics;
import org.loumen.core.model.Community;
import org.loumen.core.model.LeaderService;
import org.loumen.core.model.ModelException;
import org.loumen.core.model.OrganisationService;
import org.loumen.core.model.Street;
import org.loumen.domain.Refusal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Weekly liaison and month-end summary meetings (每周沟通、按月例会), and the cadence every street watches. Events:
 * {@code org/loumen/meeting/SCHEDULED} and {@code org/loumen/meeting/HELD} ({@code meeting}, {@code community},
 * {@code kind}).
 */
@Component(service = MeetingService.class)
public final class MeetingService {

    enum Kind {
        WEEKLY, MONTHLY
    }

    /** An action item, linked to a problem report when it follows one up. */
    record ActionItem(Long report, String owner, String text) {
    }

    record View(long id, String community, Kind kind, LocalDate scheduledOn, String status, LocalDate heldOn,
            List<Long> attendees, String minutes, List<ActionItem> actionItems, long version) {
    }

    /** A community's cadence over the window: the last meetings held and the weeks and months without one. */
    record CommunityCadence(String community, String name, LocalDate lastWeekly, LocalDate lastMonthly,
            int missedWeeks, int missedMonths, boolean missing) {
    }

    private final JpaTemplate jpa;
    private final OrganisationService organisation;
    private final LeaderService leaders;
    private final ReportService reports;
    private final EventAdmin events;

    @Activate
    public MeetingService(@Reference(target = "(osgi.unit.name=loumen.workflow)") JpaTemplate jpa,
            @Reference OrganisationService organisation, @Reference LeaderService leaders,
            @Reference ReportService reports, @Reference EventAdmin events) {
        this.events = events;
        this.jpa = jpa;
        this.organisation = organisation;
        this.leaders = leaders;
        this.reports = reports;
    }

    View schedule(String community, Kind kind, LocalDate on, String actor) throws Refusal {
        if (kind == null) {
            throw Refusal.invalidField("kind", "须为 WEEKLY（每周沟通）或 MONTHLY（按月例会） / kind is required");
        }
        if (on == null) {
            throw Refusal.invalidField("scheduledOn", "请填写会议日期 / scheduledOn is required");
        }
        View v = jpa.txExpr(em -> {
            MeetingEntity m = new MeetingEntity();
            m.community = community;
            m.kind = kind.name();
            m.scheduledOn = on;
            m.status = "SCHEDULED";
            m.createdBy = actor;
            em.persist(m);
            return view(m);
        });
        publish(v, "SCHEDULED");
        return v;
    }

    private void publish(View v, String what) {
        events.postEvent(new Event(WorkflowTopics.MEETING_PREFIX + what, Map.of(WorkflowTopics.PROP_MEETING, v.id(),
                WorkflowTopics.PROP_COMMUNITY, v.community(), WorkflowTopics.PROP_KIND, v.kind().name())));
    }

    /** Records that the meeting was held: who attended, the minutes, the action items. */
    View record(long id, LocalDate heldOn, List<Long> attendees, String minutes, List<ActionItem> items)
            throws Refusal {
        View current = view(id).orElseThrow();
        LocalDate day = heldOn == null ? current.scheduledOn() : heldOn;
        if (day.isAfter(LocalDate.now(EvaluationService.CHINA))) {
            throw Refusal.invalidField("heldOn", "不能记录尚未召开的会议 / a meeting cannot be held in the future");
        }
        if (minutes == null || minutes.isBlank() || minutes.length() > 4000) {
            throw Refusal.invalidField("minutes", "请填写会议纪要（最长 4000 字） / minutes are required (1-4000)");
        }
        Set<Long> ofCommunity = leaders.find(Set.of(current.community()), null, current.community(), null, 1, 10_000,
                "id").items().stream().map(l -> l.id()).collect(Collectors.toSet());
        List<Long> present = attendees == null ? List.of() : attendees;
        for (int i = 0; i < present.size(); i++) {
            if (!ofCommunity.contains(present.get(i))) {
                throw Refusal.invalidField("attendees[" + i + "]", "不是本社区的楼门栋长 / not a leader of the "
                        + "community");
            }
        }
        List<ActionItem> actions = items == null ? List.of() : items;
        for (int i = 0; i < actions.size(); i++) {
            ActionItem a = actions.get(i);
            if (a == null || a.text() == null || a.text().isBlank() || a.text().contains("\n") || a.text().length() > 300) {
                throw Refusal.invalidField("actionItems[" + i + "].text", "事项须为一行、最长 300 字 / one line of "
                        + "at most 300 characters");
            }
            if (a.report() != null && reports.view(a.report()).filter(r -> r.community().equals(current.community()))
                    .isEmpty()) {
                throw Refusal.invalidField("actionItems[" + i + "].report", "本社区没有此问题时报 / no such report in "
                        + "the community");
            }
        }
        Object outcome = jpa.txExpr(em -> {
            MeetingEntity m = em.find(MeetingEntity.class, id);
            if (!"SCHEDULED".equals(m.status)) {
                return null;
            }
            m.status = "HELD";
            m.heldOn = day;
            m.attendees = present.stream().distinct().map(String::valueOf).collect(Collectors.joining(","));
            m.minutes = minutes.strip();
            m.actionItems = actions.stream().map(a -> (a.report() == null ? "" : a.report()) + "|"
                    + (a.owner() == null ? "" : a.owner().replace("|", "/").replace("\n", " ")) + "|" + a.text().strip())
                    .collect(Collectors.joining("\n"));
            em.flush();
            return view(m);
        });
        if (outcome == null) {
            throw Refusal.conflict("meeting-held", "该会议已记录 / the meeting has been recorded already");
        }
        publish((View) outcome, "HELD");
        return (View) outcome;
    }

    Optional<View> view(long id) {
        return jpa.txExpr(em -> Optional.ofNullable(em.find(MeetingEntity.class, id)).map(MeetingService::view));
    }

    List<View> ofCommunity(String community, LocalDate from, LocalDate to) {
        return jpa.txExpr(em -> em.createQuery("select m from MeetingEntity m where m.community = :c and "
                + "m.scheduledOn >= :f and m.scheduledOn <= :t order by m.scheduledOn, m.id", MeetingEntity.class)
                .setParameter("c", community).setParameter("f", from).setParameter("t", to).getResultList().stream()
                .map(MeetingService::view).toList());
    }

    /** The latest meetings of the communities (by schedule), newest first. */
    List<View> latest(java.util.Collection<String> communities, int max) {
        if (communities.isEmpty()) {
            return List.of();
        }
        return jpa.txExpr(em -> em.createQuery("select m from MeetingEntity m where m.community in :c order by "
                + "m.scheduledOn desc, m.id desc", MeetingEntity.class).setParameter("c", List.copyOf(communities))
                .setMaxResults(max).getResultList().stream().map(MeetingService::view).toList());
    }

    /** A meeting as the listing across communities shows it: when, what kind, and how many attended. */
    record Listed(long id, String community, String communityName, Kind kind, String status, LocalDate scheduledOn,
            LocalDate heldOn, int attendees) {
    }

    record Listing(List<Listed> items, long total) {
    }

    /**
     * The meetings within scope (of a street or one community if given), scheduled from {@code from} to {@code to}
     * (either may be null), newest first.
     */
    Listing list(Set<String> scopes, String street, String community, LocalDate from, LocalDate to, int page,
            int size) {
        Set<String> within = Scopes.within(Scopes.within(scopes, street), community);
        String where = " where " + Scopes.clause("m.community", within) + (from == null ? "" : " and m.scheduledOn "
                + ">= :f") + (to == null ? "" : " and m.scheduledOn <= :t");
        Listing raw = jpa.txExpr(em -> {
            TypedQuery<Long> count = em.createQuery("select count(m) from MeetingEntity m" + where, Long.class);
            TypedQuery<MeetingEntity> items = em.createQuery("select m from MeetingEntity m" + where
                    + " order by m.scheduledOn desc, m.id desc", MeetingEntity.class);
            for (TypedQuery<?> q : List.of(count, items)) {
                Scopes.bind(q, within);
                if (from != null) {
                    q.setParameter("f", from);
                }
                if (to != null) {
                    q.setParameter("t", to);
                }
            }
            long total = count.getSingleResult();
            return new Listing(items.setFirstResult((page - 1) * size).setMaxResults(size).getResultList().stream()
                    .map(MeetingService::view).map(v -> new Listed(v.id(), v.community(), null, v.kind(), v.status(),
                            v.scheduledOn(), v.heldOn(), v.attendees().size())).toList(), total);
        });
        Map<String, String> names = Scopes.communityNames(organisation, raw.items().stream().map(Listed::community)
                .toList());
        return new Listing(raw.items().stream().map(m -> new Listed(m.id(), m.community(), names.get(m.community()),
                m.kind(), m.status(), m.scheduledOn(), m.heldOn(), m.attendees())).toList(), raw.total());
    }

    /** The cadence of every community within scope (of a street or one community if given), misses first. */
    List<CommunityCadence> cadence(Set<String> scopes, String street, String community, int weeks, int months) {
        LocalDate today = LocalDate.now(EvaluationService.CHINA);
        List<Community> communities = new ArrayList<>();
        for (Street s : organisation.streets()) {
            if (street != null && !s.code().equals(street)) {
                continue;
            }
            try {
                organisation.communities(s.code()).stream()
                        .filter(c -> scopes.stream().anyMatch(c.code()::startsWith))
                        .filter(c -> community == null || c.code().equals(community)).forEach(communities::add);
            } catch (ModelException e) {
                // a street removed meanwhile has no communities to report
            }
        }
        LocalDate since = today.minusMonths(months + 1L).withDayOfMonth(1);
        Map<String, List<LocalDate>> weekly = new HashMap<>();
        Map<String, List<LocalDate>> monthly = new HashMap<>();
        Set<String> wanted = communities.stream().map(Community::code).collect(Collectors.toCollection(HashSet::new));
        for (Object[] r : jpa.txExpr(em -> em.createQuery("select m.community, m.kind, m.heldOn from MeetingEntity m "
                + "where m.status = 'HELD' and m.heldOn >= :since", Object[].class).setParameter("since", since)
                .getResultList())) {
            if (wanted.contains((String) r[0])) {
                (r[1].equals("WEEKLY") ? weekly : monthly).computeIfAbsent((String) r[0], k -> new ArrayList<>())
                        .add((LocalDate) r[2]);
            }
        }
        List<CommunityCadence> out = new ArrayList<>();
        for (Community c : communities) {
            List<LocalDate> w = weekly.getOrDefault(c.code(), List.of());
            List<LocalDate> m = monthly.getOrDefault(c.code(), List.of());
            int mw = Cadence.missedWeeks(w, today, weeks);
            int mm = Cadence.missedMonths(m, today, months);
            out.add(new CommunityCadence(c.code(), c.name(), w.stream().max(LocalDate::compareTo).orElse(null),
                    m.stream().max(LocalDate::compareTo).orElse(null), mw, mm, mw + mm > 0));
        }
        out.sort((a, b) -> Integer.compare(b.missedWeeks() + b.missedMonths(), a.missedWeeks() + a.missedMonths()));
        return out;
    }

    private static View view(MeetingEntity m) {
        List<Long> attendees = m.attendees == null || m.attendees.isEmpty() ? List.of()
                : Arrays.stream(m.attendees.split(",")).map(Long::valueOf).toList();
        List<ActionItem> items = m.actionItems == null || m.actionItems.isEmpty() ? List.of()
                : Arrays.stream(m.actionItems.split("\n")).map(line -> {
                    String[] p = line.split("\\|", 3);
                    return new ActionItem(p[0].isEmpty() ? null : Long.valueOf(p[0]), p[1].isEmpty() ? null : p[1],
                            p[2]);
                }).toList();
        return new View(m.id, m.community, Kind.valueOf(m.kind), m.scheduledOn, m.status, m.heldOn, attendees,
                m.minutes, items, m.version);
    }
}
