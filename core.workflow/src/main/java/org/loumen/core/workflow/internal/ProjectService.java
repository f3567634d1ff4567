package org.loumen.core.workflow.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.loumen.core.model.DivisionCodes;
import org.loumen.core.model.LeaderService;
import org.loumen.core.model.OrganisationService;
import org.loumen.core.workflow.internal.ProjectRules.Decision;
import org.loumen.core.workflow.internal.ProjectRules.Kind;
import org.loumen.core.workflow.internal.ProjectRules.Level;
import org.loumen.core.workflow.internal.ProjectRules.Status;
import org.loumen.domain.Refusal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Projects and their priority support (楼门栋建设项目和志愿服务项目优先扶持): a leader proposes, the community and
 * then the street review; the projects of awarded leaders are marked and put first in the review queue.
 */
@Component(service = ProjectService.class)
public final class ProjectService {

    static final BigDecimal MAX_BUDGET = new BigDecimal("10000000");

    record Review(String decision, String note, String by, LocalDate on) {
    }

    record View(long id, Kind kind, String kindLabel, String title, String place, String placeLabel,
            String community, String communityName, Long leader, String leaderName, LocalDate proposedOn,
            BigDecimal budgetAsked, String description, Status status, String statusLabel, boolean priority,
            String award, Review communityReview, Review streetReview, BigDecimal amountGranted) {
    }

    record Page(List<View> items, long total) {
    }

    record Stats(int year, long proposed, long open, long approved, long declined, BigDecimal granted,
            long fromAwarded, long approvedFromAwarded) {
    }

    private final JpaTemplate jpa;
    private final OrganisationService organisation;
    private final LeaderService leaders;

    @Activate
    public ProjectService(@Reference(target = "(osgi.unit.name=loumen.workflow)") JpaTemplate jpa,
            @Reference OrganisationService organisation, @Reference LeaderService leaders) {
        this.jpa = jpa;
        this.organisation = organisation;
        this.leaders = leaders;
    }

    /** A leader proposes a project for one of their places (a unit or building). */
    View propose(String author, Long leader, Set<String> places, String kind, String title, String place,
            BigDecimal budget, String description) throws Refusal {
        Kind k;
        try {
            k = Kind.valueOf(kind == null ? "" : kind.strip());
        } catch (IllegalArgumentException e) {
            throw Refusal.invalidField("kind", "须为 UNIT_IMPROVEMENT（楼门栋建设）或 VOLUNTEER_SERVICE（志愿服务） / "
                    + "kind must be UNIT_IMPROVEMENT or VOLUNTEER_SERVICE");
        }
        String t = Civic.text("title", title, 100);
        String at = place == null || place.isBlank() ? (places.size() == 1 ? places.iterator().next() : null)
                : place.strip();
        if (!DivisionCodes.hasBuildingOrUnitForm(at) || places.stream().noneMatch(at::startsWith)) {
            throw Refusal.invalidField("place", "须为您负责的楼门或楼栋 / place must be one of your units or "
                    + "buildings");
        }
        Places.of(organisation, at).orElseThrow(() -> Refusal.invalidField("place", "没有此楼门或楼栋 / no such "
                + "unit or building"));
        if (budget == null || budget.signum() <= 0 || budget.compareTo(MAX_BUDGET) > 0 || budget.scale() > 2
                && budget.stripTrailingZeros().scale() > 2) {
            throw Refusal.invalidField("budgetAsked", "申请金额须大于 0、不超过 1000 万元、最多两位小数 / budgetAsked "
                    + "must be more than 0, at most 10,000,000 yuan, with at most two decimals");
        }
        String d = Civic.text("description", description, 2000);
        ProjectEntity p = jpa.txExpr(em -> {
            ProjectEntity e = new ProjectEntity();
            e.kind = k.name();
            e.title = t;
            e.place = at;
            e.community = at.substring(0, 12);
            e.leader = leader;
            e.proposedBy = author;
            e.proposedOn = Civic.today();
            e.budgetAsked = budget.setScale(2, RoundingMode.HALF_UP);
            e.description = d;
            e.status = Status.PROPOSED.name();
            em.persist(e);
            return e;
        });
        return views(List.of(p)).get(0);
    }

    Optional<View> project(long id) {
        return Optional.ofNullable(jpa.txExpr(em -> em.find(ProjectEntity.class, id))).map(p -> views(List.of(p))
                .get(0));
    }

    /** The community a project belongs to, for the access rule. */
    Optional<String> community(long id) {
        return Optional.ofNullable(jpa.txExpr(em -> em.find(ProjectEntity.class, id))).map(p -> p.community);
    }

    /** The projects a leader proposed, newest first. */
    List<View> mine(String author) {
        return views(jpa.txExpr(em -> em.createQuery("select p from ProjectEntity p where p.proposedBy = :a order by "
                + "p.proposedOn desc, p.id desc", ProjectEntity.class).setParameter("a", author).getResultList()));
    }

    /** The review queue within scope: open first, awarded leaders' projects first among them. */
    Page list(Set<String> scopes, String street, String community, Status status, int page, int size) {
        Set<String> within = Scopes.within(Scopes.within(scopes, street), community);
        List<ProjectEntity> all = jpa.txExpr(em -> {
            TypedQuery<ProjectEntity> q = em.createQuery("select p from ProjectEntity p where " + Scopes.clause(
                    "p.community", within) + (status == null ? "" : " and p.status = :st"), ProjectEntity.class);
            Scopes.bind(q, within);
            if (status != null) {
                q.setParameter("st", status.name());
            }
            return q.getResultList();
        });
        // ordered and cut to the page on the rows, so only the page's projects are made into views (each view
        // looks up its place's label and its leader's name)
        List<ProjectRules.Award> awards = awards();
        record InQueue(ProjectRules.Queued key, ProjectEntity project) {
        }
        List<InQueue> queue = new ArrayList<>(all.size());
        for (ProjectEntity p : all) {
            queue.add(new InQueue(new ProjectRules.Queued(p.id, Status.valueOf(p.status),
                    ProjectRules.priority(p.leader, p.proposedOn, awards).isPresent(), p.proposedOn), p));
        }
        queue.sort(Comparator.comparing(InQueue::key, ProjectRules.QUEUE));
        int from = Math.min(queue.size(), (page - 1) * size);
        List<ProjectEntity> shown = queue.subList(from, Math.min(queue.size(), from + size)).stream()
                .map(InQueue::project).toList();
        return new Page(views(shown, awards), queue.size());
    }

    /** A review at the community or the street: approve or decline, with the amount granted at the street. */
    View review(long id, Level level, String decision, BigDecimal amount, String note, String actor)
            throws Refusal {
        Decision d;
        try {
            d = Decision.valueOf(decision == null ? "" : decision.strip());
        } catch (IllegalArgumentException e) {
            throw Refusal.invalidField("decision", "须为 APPROVE（同意）或 DECLINE（不同意） / decision must be "
                    + "APPROVE or DECLINE");
        }
        String n = d == Decision.DECLINE ? Civic.text("note", note, 500) : Civic.optional("note", note, 500);
        ProjectEntity before = jpa.txExpr(em -> em.find(ProjectEntity.class, id));
        BigDecimal granted = null;
        if (level == Level.STREET && d == Decision.APPROVE) {
            if (amount == null || amount.signum() <= 0 || amount.compareTo(before.budgetAsked) > 0
                    || amount.stripTrailingZeros().scale() > 2) {
                throw Refusal.invalidField("amountGranted", "批准金额须大于 0 且不超过申请金额 " + before.budgetAsked
                        + " 元 / amountGranted must be more than 0 and at most the budget asked");
            }
            granted = amount.setScale(2, RoundingMode.HALF_UP);
        } else if (amount != null) {
            throw Refusal.invalidField("amountGranted", "只有街道批准时填写金额 / an amount only with the "
                    + "street's approval");
        }
        Status to = ProjectRules.after(level, d);
        BigDecimal g = granted;
        LocalDate today = Civic.today();
        boolean declined = to == Status.DECLINED;
        String set = (level == Level.COMMUNITY ? "p.communityBy = :by, p.communityOn = :on"
                : "p.streetBy = :by, p.streetOn = :on") + (g != null ? ", p.amountGranted = :g" : "")
                + (n != null ? level == Level.COMMUNITY ? ", p.communityNote = :n" : ", p.streetNote = :n" : "")
                + (declined ? ", p.declinedAt = :dec" : "");
        int changed = jpa.txExpr(em -> {
            javax.persistence.Query q = em.createQuery("update ProjectEntity p set p.status = :to, " + set
                    + " where p.id = :id and p.status = :from");
            if (g != null) {
                q.setParameter("g", g);
            }
            if (n != null) {
                q.setParameter("n", n);
            }
            if (declined) {
                q.setParameter("dec", level.name());
            }
            return q.setParameter("to", to.name()).setParameter("by", actor).setParameter("on", today)
                    .setParameter("id", id).setParameter("from", level.from.name()).executeUpdate();
        });
        if (changed == 0) {
            throw new Refusal(Refusal.Kind.CONFLICT, "illegal-transition",
                    "此项目现在不在" + (level == Level.COMMUNITY ? "社区" : "街道")
                    + "审核环节 / the project is not waiting for this review", "decision").with("status",
                            project(id).map(View::status).orElse(null));
        }
        return project(id).orElseThrow();
    }

    /** The street's report: projects of a year, and how many of the approved came from awarded leaders. */
    Stats stats(Set<String> scopes, String street, String community, int year) {
        // the year's projects in scope, only the columns counted (no names, places or reviews: one read, not a view
        // of every project with a query per leader), and the awards once for the priority rule
        Set<String> within = Scopes.within(Scopes.within(scopes, street), community);
        List<Object[]> rows = jpa.txExpr(em -> {
            TypedQuery<Object[]> q = em.createQuery("select p.status, p.leader, p.proposedOn, p.amountGranted from "
                    + "ProjectEntity p where " + Scopes.clause("p.community", within) + " and p.proposedOn >= :from "
                    + "and p.proposedOn <= :to", Object[].class);
            Scopes.bind(q, within);
            return q.setParameter("from", LocalDate.of(year, 1, 1)).setParameter("to", LocalDate.of(year, 12, 31))
                    .getResultList();
        });
        List<ProjectRules.Award> awards = rows.isEmpty() ? List.of() : awards();
        long proposed = 0, open = 0, approved = 0, declined = 0, fromAwarded = 0, approvedFromAwarded = 0;
        BigDecimal granted = BigDecimal.ZERO.setScale(2);
        for (Object[] r : rows) {
            Status status = Status.valueOf((String) r[0]);
            Long leader = r[1] == null ? null : ((Number) r[1]).longValue();
            boolean priority = ProjectRules.priority(leader, (LocalDate) r[2], awards).isPresent();
            BigDecimal amount = (BigDecimal) r[3];
            proposed++;
            open += status.open() ? 1 : 0;
            declined += status == Status.DECLINED ? 1 : 0;
            fromAwarded += priority ? 1 : 0;
            if (status == Status.APPROVED) {
                approved++;
                approvedFromAwarded += priority ? 1 : 0;
                granted = granted.add(amount == null ? BigDecimal.ZERO : amount);
            }
        }
        return new Stats(year, proposed, open, approved, declined, granted, fromAwarded, approvedFromAwarded);
    }

    /** The awards that give priority support, with their round's period. */
    List<ProjectRules.Award> awards() {
        return jpa.txExpr(em -> em.createQuery("select a.leader, a.certificate, r.period from AwardEntity a, "
                + "AwardRoundEntity r where a.round = r.id and a.prioritySupport = true", Object[].class)
                .getResultList()).stream().map(r -> new ProjectRules.Award(((Number) r[0]).longValue(), (String) r[1],
                        (String) r[2])).toList();
    }

    private List<View> views(List<ProjectEntity> projects) {
        return views(projects, awards());
    }

    private List<View> views(List<ProjectEntity> projects, List<ProjectRules.Award> awards) {
        Map<String, String> names = Scopes.communityNames(organisation, projects.stream().map(p -> p.community)
                .toList());
        Map<String, String> labels = new HashMap<>();
        Map<Long, String> leaderNames = leaders.names(projects.stream().map(p -> p.leader).filter(Objects::nonNull)
                .toList());
        List<View> out = new ArrayList<>();
        for (ProjectEntity p : projects) {
            Optional<ProjectRules.Award> award = ProjectRules.priority(p.leader, p.proposedOn, awards);
            Kind k = Kind.valueOf(p.kind);
            Status s = Status.valueOf(p.status);
            String label = labels.computeIfAbsent(p.place, c -> Places.of(organisation, c).map(Places::label)
                    .orElse(c));
            String leaderName = p.leader == null ? null : leaderNames.get(p.leader);
            Review c = p.communityBy == null ? null : new Review("COMMUNITY".equals(p.declinedAt) ? "DECLINE"
                    : "APPROVE", p.communityNote, p.communityBy, p.communityOn);
            Review st = p.streetBy == null ? null : new Review("STREET".equals(p.declinedAt) ? "DECLINE" : "APPROVE",
                    p.streetNote, p.streetBy, p.streetOn);
            out.add(new View(p.id, k, k.zh, p.title, p.place, label, p.community, names.get(p.community), p.leader,
                    leaderName, p.proposedOn, p.budgetAsked, p.description, s, s.zh, award.isPresent(),
                    award.map(ProjectRules.Award::certificate).orElse(null), c, st, p.amountGranted));
        }
        return out;
    }
}
