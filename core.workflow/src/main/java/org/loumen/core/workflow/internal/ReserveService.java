package org.loumen.core.workflow.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.loumen.core.workflow.events.WorkflowTopics;
import org.loumen.core.model.Leader;
import org.loumen.core.model.LeaderService;
import org.loumen.core.model.LeaderStatus;
import org.loumen.core.model.OrganisationService;
import org.loumen.domain.Refusal;
import org.loumen.domain.StoreConflict;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventHandler;
import org.osgi.service.event.propertytypes.EventTopics;

/**
 * The reserve for the residents' committees' sub-committees (优先纳入居民委员会下属委员会成员的储备队伍): awarded
 * leaders enter it by their award (at the decision, {@code org/loumen/award/DECIDED}, and at every listing, so awards
 * made before are never missed), others are added with a reason, and an appointment to a sub-committee is recorded
 * once, as a member of it.
 */
@Component(service = { ReserveService.class, EventHandler.class })
@EventTopics(WorkflowTopics.AWARD_DECIDED)
public final class ReserveService implements EventHandler {

    record Entry(long id, String community, String communityName, long leader, String leaderName, String source,
            String award, String reason, String addedBy, LocalDate addedOn, String appointedTo,
            String appointedToName, LocalDate appointedOn) {
    }

    record Member(long id, String name, Long leader, Long reserve, LocalDate since, String note) {
    }

    record Committee(String key, String name, String nameEn, List<Member> members) {
    }

    private final JpaTemplate jpa;
    private final LeaderService leaders;
    private final OrganisationService organisation;
    private final SubCommittees committees;

    @Activate
    public ReserveService(@Reference(target = "(osgi.unit.name=loumen.workflow)") JpaTemplate jpa,
            @Reference LeaderService leaders, @Reference OrganisationService organisation,
            @Reference SubCommittees committees) {
        this.jpa = jpa;
        this.leaders = leaders;
        this.organisation = organisation;
        this.committees = committees;
    }

    @Override
    public void handleEvent(Event event) {
        syncAwards();
    }

    /** Every award with a place in the reserve has its entry (one per leader and community); returns how many new. */
    int syncAwards() {
        List<Object[]> missing = jpa.txExpr(em -> em.createQuery("select a.certificate, a.leader, a.community from "
                + "AwardEntity a where a.reservePool = true and not exists (select e.id from ReserveEntity e where "
                + "e.leader = a.leader and e.community = a.community) order by a.certificate", Object[].class)
                .getResultList());
        int added = 0;
        for (Object[] a : missing) {
            try {
                jpa.tx(em -> {
                    ReserveEntity e = new ReserveEntity();
                    e.community = (String) a[2];
                    e.leader = ((Number) a[1]).longValue();
                    e.source = "AWARD";
                    e.award = (String) a[0];
                    e.addedBy = "system";
                    e.addedOn = Civic.today();
                    em.persist(e);
                });
                added++;
            } catch (RuntimeException e) {
                if (StoreConflict.in(e).isEmpty()) {
                    throw e;
                }
                // entered meanwhile by a parallel listing or the decision's event
            }
        }
        return added;
    }

    /** Adds a leader of the community to its reserve, with the reason. */
    Entry add(String community, Long leader, String reason, String actor) throws Refusal {
        if (leader == null) {
            throw Refusal.invalidField("leader", "请选择楼门栋长 / leader is required");
        }
        Leader l = leaders.leader(leader).filter(x -> community.equals(x.community())).orElseThrow(() -> Refusal
                .invalidField("leader", "不是本社区的楼门栋长 / not a leader of this community"));
        if (l.status() != LeaderStatus.IN_SERVICE) {
            throw Refusal.invalidField("leader", "只有在岗的楼门栋长可以纳入储备 / only a leader in service can "
                    + "join the reserve");
        }
        String why = Civic.text("reason", reason, 500);
        try {
            ReserveEntity e = jpa.txExpr(em -> {
                ReserveEntity r = new ReserveEntity();
                r.community = community;
                r.leader = leader;
                r.source = "MANUAL";
                r.reason = why;
                r.addedBy = actor;
                r.addedOn = Civic.today();
                em.persist(r);
                return r;
            });
            return entries(List.of(e)).get(0);
        } catch (RuntimeException e) {
            if (StoreConflict.in(e).map(StoreConflict::unique).orElse(false)) {
                throw new Refusal(Refusal.Kind.CONFLICT, "already-in-reserve", "该楼门栋长已在储备队伍中 / the leader is in the "
                        + "reserve already", "leader");
            }
            throw e;
        }
    }

    /** The reserve within scope, those not yet appointed first. */
    List<Entry> list(Set<String> scopes, String street, String community) {
        syncAwards();
        Set<String> within = Scopes.within(Scopes.within(scopes, street), community);
        return entries(jpa.txExpr(em -> {
            TypedQuery<ReserveEntity> q = em.createQuery("select e from ReserveEntity e where " + Scopes.clause(
                    "e.community", within) + " order by e.appointedTo, e.community, e.id", ReserveEntity.class);
            Scopes.bind(q, within);
            return q.getResultList();
        }));
    }

    Optional<String> communityOf(long entry) {
        return Optional.ofNullable(jpa.txExpr(em -> em.find(ReserveEntity.class, entry))).map(e -> e.community);
    }

    /** Appoints a reserve entry's leader to a sub-committee of their community (once). */
    Entry appoint(long entry, String committee, LocalDate on, String note, String actor) throws Refusal {
        SubCommittees.Committee c = committees.find(committee == null ? "" : committee.strip()).orElseThrow(
                () -> Refusal.invalidField("committee", "没有此下属委员会 / no such sub-committee: one of "
                        + committees.all().stream().map(SubCommittees.Committee::key).toList()));
        LocalDate day = Civic.day("appointedOn", on);
        if (day.isAfter(Civic.today())) {
            throw Refusal.invalidField("appointedOn", "不能晚于今天 / not after today");
        }
        String n = Civic.optional("note", note, 500);
        ReserveEntity e = jpa.txExpr(em -> {
            int changed = em.createQuery("update ReserveEntity e set e.appointedTo = :c, e.appointedOn = :on, "
                    + "e.appointedBy = :by where e.id = :id and e.appointedTo is null").setParameter("c", c.key())
                    .setParameter("on", day).setParameter("by", actor).setParameter("id", entry).executeUpdate();
            if (changed == 0) {
                return null;
            }
            ReserveEntity r = em.find(ReserveEntity.class, entry);
            em.refresh(r);
            CommitteeMemberEntity m = new CommitteeMemberEntity();
            m.community = r.community;
            m.committee = c.key();
            m.leader = r.leader;
            m.reserve = r.id;
            m.name = leaders.leader(r.leader).map(Leader::name).orElse("#" + r.leader);
            m.since = day;
            m.note = n;
            m.addedBy = actor;
            em.persist(m);
            return r;
        });
        if (e == null) {
            throw new Refusal(Refusal.Kind.CONFLICT, "already-appointed",
                    "已从储备队伍任命过 / appointed from the reserve already",
                    "committee");
        }
        return entries(List.of(e)).get(0);
    }

    /** Adds a member directly (a resident who is not in the reserve). */
    Member addMember(String community, String committee, String name, LocalDate since, String note, String actor)
            throws Refusal {
        SubCommittees.Committee c = committees.find(committee).orElseThrow(Civic::notFound);
        if (organisation.community(community).isEmpty()) {
            throw Civic.notFound();
        }
        String who = Civic.text("name", name, 40);
        LocalDate day = Civic.day("since", since);
        String n = Civic.optional("note", note, 500);
        CommitteeMemberEntity m = jpa.txExpr(em -> {
            CommitteeMemberEntity x = new CommitteeMemberEntity();
            x.community = community;
            x.committee = c.key();
            x.name = who;
            x.since = day;
            x.note = n;
            x.addedBy = actor;
            em.persist(x);
            return x;
        });
        return member(m);
    }

    /** The community's sub-committees (as configured, then any key no longer configured) with their members. */
    List<Committee> committees(String community) throws Refusal {
        if (organisation.community(community).isEmpty()) {
            throw Civic.notFound();
        }
        List<CommitteeMemberEntity> members = jpa.txExpr(em -> em.createQuery("select m from CommitteeMemberEntity m "
                + "where m.community = :c order by m.since, m.id", CommitteeMemberEntity.class)
                .setParameter("c", community).getResultList());
        List<Committee> out = new ArrayList<>();
        for (SubCommittees.Committee c : committees.all()) {
            out.add(new Committee(c.key(), c.zh(), c.en(), members.stream().filter(m -> m.committee.equals(c.key()))
                    .map(ReserveService::member).toList()));
        }
        members.stream().map(m -> m.committee).distinct().filter(k -> committees.find(k).isEmpty()).forEach(k -> out
                .add(new Committee(k, k, k, members.stream().filter(m -> m.committee.equals(k))
                        .map(ReserveService::member).toList())));
        return out;
    }

    /** Reserve figures within scope: in the reserve, by award, appointed. */
    Map<String, Long> figures(Set<String> scopes, String street) {
        syncAwards();
        // counted in the database: no entry's leader and committee names read, as the list needs them
        Set<String> within = Scopes.within(scopes, street);
        Object[] row = jpa.txExpr(em -> {
            TypedQuery<Object[]> q = em.createQuery("select count(e.id), sum(case when e.source = 'AWARD' then 1 "
                    + "else 0 end), sum(case when e.appointedTo is null then 0 else 1 end) from ReserveEntity e "
                    + "where " + Scopes.clause("e.community", within), Object[].class);
            Scopes.bind(q, within);
            return q.getSingleResult();
        });
        Map<String, Long> f = new java.util.LinkedHashMap<>();
        f.put("reserve", row[0] == null ? 0 : ((Number) row[0]).longValue());
        f.put("fromAwards", row[1] == null ? 0 : ((Number) row[1]).longValue());
        f.put("appointed", row[2] == null ? 0 : ((Number) row[2]).longValue());
        return f;
    }

    private static Member member(CommitteeMemberEntity m) {
        return new Member(m.id, m.name, m.leader, m.reserve, m.since, m.note);
    }

    private List<Entry> entries(List<ReserveEntity> list) {
        Map<String, String> names = Scopes.communityNames(organisation, list.stream().map(e -> e.community).toList());
        Map<Long, String> leaderNames = new HashMap<>();
        List<Entry> out = new ArrayList<>();
        for (ReserveEntity e : list) {
            String name = leaderNames.computeIfAbsent(e.leader, l -> leaders.leader(l).map(Leader::name).orElse(null));
            String to = e.appointedTo == null ? null : committees.find(e.appointedTo).map(SubCommittees.Committee::zh)
                    .orElse(e.appointedTo);
            out.add(new Entry(e.id, e.community, names.get(e.community), e.leader, name, e.source, e.award, e.reason,
                    e.addedBy, e.addedOn, e.appointedTo, to, e.appointedOn));
        }
        return out;
    }
}
