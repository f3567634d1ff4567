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
import org.loumen.core.model.Duty;
import org.loumen.core.model.Leader;
import org.loumen.core.model.LeaderService;
import org.loumen.core.model.OrganisationService;
import org.loumen.core.model.Street;
import org.loumen.domain.Refusal;
import org.loumen.domain.StoreConflict;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Publicity campaigns (系列宣传活动) of a street or the district, the activities leaders hold in their units under the
 * duty of 政策法规宣传员 (each also a work-log entry of that duty), and the totals per community and street.
 */
@Component(service = CampaignService.class)
public final class CampaignService {

    static final int MAX_PHOTOS = 3;

    record View(long id, String node, String nodeName, String theme, LocalDate startsOn, LocalDate endsOn,
            List<String> materials, boolean open, String createdBy, LocalDate createdOn) {
    }

    record Activity(long id, long campaign, String campaignTheme, String community, String communityName,
            String place, String placeLabel, Long leader, String leaderName, LocalDate day, String venue,
            int households, String note, int photos) {
    }

    record Group(String code, String name, long activities, long households, long leaders) {
    }

    record Totals(long campaign, long activities, long households, long leaders, List<Group> streets,
            List<Group> communities) {
    }

    private final JpaTemplate jpa;
    private final OrganisationService organisation;
    private final LeaderService leaders;

    @Activate
    public CampaignService(@Reference(target = "(osgi.unit.name=loumen.workflow)") JpaTemplate jpa,
            @Reference OrganisationService organisation, @Reference LeaderService leaders) {
        this.jpa = jpa;
        this.organisation = organisation;
        this.leaders = leaders;
    }

    View create(String node, String theme, LocalDate startsOn, LocalDate endsOn, List<String> materials,
            String actor) throws Refusal {
        String t = Civic.text("theme", theme, 100);
        CampaignRules.period(startsOn, endsOn);
        List<String> lines = new ArrayList<>();
        for (int i = 0; materials != null && i < materials.size(); i++) {
            String m = materials.get(i);
            if (m != null && !m.isBlank()) {
                lines.add(Civic.text("materials[" + i + "]", m, 200));
            }
        }
        if (String.join("\n", lines).length() > 2000 || lines.size() > 20) {
            throw Refusal.invalidField("materials", "宣传材料最多 20 项 / at most 20 materials");
        }
        CampaignEntity c = jpa.txExpr(em -> {
            CampaignEntity e = new CampaignEntity();
            e.node = node;
            e.theme = t;
            e.startsOn = startsOn;
            e.endsOn = endsOn;
            e.materials = String.join("\n", lines);
            e.createdBy = actor;
            e.createdOn = Civic.today();
            em.persist(e);
            return e;
        });
        return view(c);
    }

    Optional<View> campaign(long id) {
        return Optional.ofNullable(jpa.txExpr(em -> em.find(CampaignEntity.class, id))).map(this::view);
    }

    /** Campaigns that concern the scopes (run at a node within them or above them), newest first. */
    List<View> list(Set<String> scopes, String street) {
        List<CampaignEntity> all = jpa.txExpr(em -> em.createQuery("select c from CampaignEntity c order by "
                + "c.startsOn desc, c.id desc", CampaignEntity.class).getResultList());
        List<View> out = new ArrayList<>();
        for (CampaignEntity c : all) {
            if (shown(c.node, scopes, street)) {
                out.add(view(c));
            }
        }
        return out;
    }

    /** Whether a campaign on the node is listed within the scopes (and the street, when one is asked for). */
    static boolean shown(String node, Set<String> scopes, String street) {
        return scopes.stream().anyMatch(s -> related(node, s)) && (street == null || related(node, street));
    }

    static boolean related(String a, String b) {
        return a.startsWith(b) || b.startsWith(a);
    }

    /** A leader records an activity in one of their places within a campaign that covers it. */
    Activity record(long campaign, String author, Long leader, Set<String> places, LocalDate day, String place,
            String venue, Integer households, String note) throws Refusal {
        CampaignEntity c = jpa.txExpr(em -> em.find(CampaignEntity.class, campaign));
        if (c == null || places.stream().noneMatch(p -> related(c.node, p))) {
            throw Civic.notFound();
        }
        String at = place == null || place.isBlank() ? (places.size() == 1 ? places.iterator().next() : null)
                : place.strip();
        if (at == null || places.stream().noneMatch(at::startsWith) || !at.startsWith(c.node)) {
            throw Refusal.invalidField("place", "须为您负责的楼门或楼栋 / place must be one of your units or "
                    + "buildings");
        }
        Places p = Places.of(organisation, at).orElseThrow(() -> Refusal.invalidField("place", "没有此楼门或楼栋 / "
                + "no such unit or building"));
        CampaignRules.day(day, c.startsOn, c.endsOn, Civic.today());
        int reached = CampaignRules.households(households);
        String v = Civic.text("venue", venue, 100);
        String n = Civic.optional("note", note, 500);
        PublicityEntity e = jpa.txExpr(em -> {
            WorkLogEntity w = new WorkLogEntity();
            w.author = author;
            w.leader = leader;
            w.community = at.substring(0, 12);
            w.place = at;
            w.duty = Duty.POLICY_PUBLICIST.name();
            w.day = day;
            w.note = ("【" + c.theme + "】" + v + "，覆盖 " + reached + " 户" + (n == null ? "" : "。" + n));
            w.note = w.note.length() > WorkLogService.MAX_NOTE ? w.note.substring(0, WorkLogService.MAX_NOTE) : w.note;
            w.createdAt = System.currentTimeMillis();
            em.persist(w);
            em.flush();
            PublicityEntity x = new PublicityEntity();
            x.campaign = campaign;
            x.community = at.substring(0, 12);
            x.place = at;
            x.author = author;
            x.leader = leader;
            x.day = day;
            x.venue = v;
            x.households = reached;
            x.note = n;
            x.workLog = w.id;
            em.persist(x);
            return x;
        });
        return activities(List.of(e)).get(0);
    }

    /** The place of an activity, for the access rule of its photos. */
    Optional<String> placeOf(long activity) {
        return Optional.ofNullable(jpa.txExpr(em -> em.find(PublicityEntity.class, activity))).map(a -> a.place);
    }

    Optional<String> authorOf(long activity) {
        return Optional.ofNullable(jpa.txExpr(em -> em.find(PublicityEntity.class, activity))).map(a -> a.author);
    }

    List<Activity> mine(String author) {
        return activities(jpa.txExpr(em -> em.createQuery("select a from PublicityEntity a where a.author = :a order "
                + "by a.day desc, a.id desc", PublicityEntity.class).setParameter("a", author).setMaxResults(200)
                .getResultList()));
    }

    /** A campaign's activities within the scopes, newest first. */
    List<Activity> activities(long campaign, Set<String> scopes) {
        return activities(jpa.txExpr(em -> {
            TypedQuery<PublicityEntity> q = em.createQuery("select a from PublicityEntity a where a.campaign = :c and "
                    + Scopes.clause("a.place", scopes) + " order by a.day desc, a.id desc", PublicityEntity.class);
            Scopes.bind(q, scopes);
            return q.setParameter("c", campaign).getResultList();
        }));
    }

    /** A campaign's totals within the scopes: all, per street and per community. */
    Totals totals(long campaign, Set<String> scopes) {
        List<CampaignRules.Activity> all = activities(campaign, scopes).stream().map(a -> new CampaignRules.Activity(
                a.community(), a.leader() == null ? "?" + a.id() : "L" + a.leader(), a.households())).toList();
        List<CampaignRules.Total> sum = CampaignRules.totals(all, c -> "");
        Map<String, String> names = Scopes.communityNames(organisation, all.stream().map(
                CampaignRules.Activity::community).toList());
        List<Group> streets = CampaignRules.totals(all, c -> c.substring(0, 9)).stream().map(t -> new Group(t.code(),
                organisation.street(t.code()).map(Street::name).orElse(t.code()), t.activities(), t.households(),
                t.leaders())).toList();
        List<Group> communities = CampaignRules.totals(all, c -> c).stream().map(t -> new Group(t.code(), names.get(
                t.code()), t.activities(), t.households(), t.leaders())).toList();
        CampaignRules.Total t = sum.isEmpty() ? new CampaignRules.Total("", 0, 0, 0) : sum.get(0);
        return new Totals(campaign, t.activities(), t.households(), t.leaders(), streets, communities);
    }

    /** Adds a photo (already checked and cleaned) to an activity; at most three. */
    int addPhoto(long activity, String contentType, byte[] image) throws Refusal {
        for (int attempt = 1;; attempt++) {
            try {
                Integer n = jpa.txExpr(em -> {
                    em.createQuery("update PublicityEntity a set a.photos = a.photos + 1 where a.id = :id and a.photos "
                            + "< :max").setParameter("id", activity).setParameter("max", MAX_PHOTOS).executeUpdate();
                    Integer last = em.createQuery("select max(p.n) from PublicityPhotoEntity p where p.publicity = :a",
                            Integer.class).setParameter("a", activity).getSingleResult();
                    int next = last == null ? 1 : last + 1;
                    if (next > MAX_PHOTOS) {
                        return null;
                    }
                    PublicityPhotoEntity p = new PublicityPhotoEntity();
                    p.publicity = activity;
                    p.n = next;
                    p.contentType = contentType;
                    p.image = image;
                    em.persist(p);
                    return next;
                });
                if (n == null) {
                    throw new Refusal(Refusal.Kind.CONFLICT, "too-many-photos",
                            "每次活动最多 " + MAX_PHOTOS + " 张照片 / at most "
                            + MAX_PHOTOS + " photos an activity", "photo");
                }
                return n;
            } catch (RuntimeException e) {
                if (attempt >= 5 || StoreConflict.in(e).isEmpty()) {
                    throw e;
                }
            }
        }
    }

    Optional<PhotoService.Stored> photo(long activity, int n) {
        return jpa.txExpr(em -> em.createQuery("select p from PublicityPhotoEntity p where p.publicity = :a and p.n = "
                + ":n", PublicityPhotoEntity.class).setParameter("a", activity).setParameter("n", n).getResultList()
                .stream().findFirst().map(p -> new PhotoService.Stored(p.contentType, p.image)));
    }

    /** Figures for the dashboard: campaigns open today and the activities and households of the year within scope. */
    Map<String, Long> figures(Set<String> scopes, String street, int year) {
        Set<String> within = Scopes.within(scopes, street);
        LocalDate today = Civic.today();
        long[] open = new long[1];
        Object[] row = jpa.txExpr(em -> {
            // the campaigns' scope and dates only, as the list picks them: a whole view (its place's name read) each
            // was most of this count's time
            for (Object[] c : em.createQuery("select c.node, c.startsOn, c.endsOn from CampaignEntity c",
                    Object[].class).getResultList()) {
                String node = (String) c[0];
                if (shown(node, scopes, street) && open((LocalDate) c[1], (LocalDate) c[2], today)) {
                    open[0]++;
                }
            }
            TypedQuery<Object[]> q = em.createQuery("select count(a), sum(a.households) from PublicityEntity a where "
                    + Scopes.clause("a.place", within) + " and a.day >= :from and a.day <= :to", Object[].class);
            Scopes.bind(q, within);
            return q.setParameter("from", LocalDate.of(year, 1, 1)).setParameter("to", LocalDate.of(year, 12, 31))
                    .getSingleResult();
        });
        Map<String, Long> f = new java.util.LinkedHashMap<>();
        f.put("openCampaigns", open[0]);
        f.put("activities", row[0] == null ? 0 : ((Number) row[0]).longValue());
        f.put("households", row[1] == null ? 0 : ((Number) row[1]).longValue());
        return f;
    }

    private View view(CampaignEntity c) {
        String name = c.node.length() == 6 ? organisation.district().name()
                : organisation.street(c.node).map(Street::name).orElse(c.node);
        return new View(c.id, c.node, name, c.theme, c.startsOn, c.endsOn, c.materials == null || c.materials.isEmpty()
                ? List.of() : List.of(c.materials.split("\n")), open(c.startsOn, c.endsOn, Civic.today()), c.createdBy,
                c.createdOn);
    }

    /** A campaign is open from its first day to its last, both included. */
    static boolean open(LocalDate startsOn, LocalDate endsOn, LocalDate today) {
        return !today.isBefore(startsOn) && !today.isAfter(endsOn);
    }

    private List<Activity> activities(List<PublicityEntity> list) {
        Map<Long, String> themes = new HashMap<>();
        Map<String, String> labels = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        Map<String, String> communities = Scopes.communityNames(organisation, list.stream().map(a -> a.community)
                .toList());
        List<Activity> out = new ArrayList<>();
        for (PublicityEntity a : list) {
            String theme = themes.computeIfAbsent(a.campaign, id -> Optional.ofNullable(jpa.txExpr(em -> em.find(
                    CampaignEntity.class, id))).map(c -> c.theme).orElse(null));
            String label = labels.computeIfAbsent(a.place, p -> Places.of(organisation, p).map(Places::label)
                    .orElse(p));
            String name = a.leader == null ? null : names.computeIfAbsent(a.leader, l -> leaders.leader(l)
                    .map(Leader::name).orElse(null));
            out.add(new Activity(a.id, a.campaign, theme, a.community, communities.get(a.community), a.place, label,
                    a.leader, name, a.day, a.venue, a.households, a.note, a.photos));
        }
        return out;
    }
}
