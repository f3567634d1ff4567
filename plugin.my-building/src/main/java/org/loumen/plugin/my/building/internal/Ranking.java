package org.loumen.plugin.my.building.internal;

import java.time.LocalDateTime;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;

import org.loumen.core.model.DivisionCodes;
import org.loumen.core.model.Community;
import org.loumen.programme.ProgrammeRequest;
import org.loumen.web.ApiException;
import org.loumen.web.ApiResponse;

/**
 * 最美楼门: each month the units of a community are ranked by the points their households earned (duties,
 * activities, the convention; not redemptions or corrections) per household, then by the safety checks done. The
 * secretary publishes a month's ranking, which is then fixed and shown on the community's public page; the street
 * sees all its communities.
 */
final class Ranking {

    record Line(int rank, String unit, String label, int households, long points, String perHousehold,
            int safetyChecks) {
    }

    record CommunityRanking(String community, String communityName, String month, boolean published, List<Line> units) {
    }

    private final Tx tx;
    private final Places places;

    Ranking(Tx tx, Places places) {
        this.tx = tx;
        this.places = places;
    }

    /** The month's standings of a community's units, computed from the ledger and the duties. */
    List<Rules.Standing> standings(EntityManager em, String community, YearMonth month) {
        LocalDateTime from = month.atDay(1).atStartOfDay();
        LocalDateTime to = month.plusMonths(1).atDay(1).atStartOfDay();
        Map<String, Long> points = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT e.unit, SUM(e.delta) FROM PointEntryEntity e WHERE e.community = :c "
                + "AND e.at >= :f AND e.at < :t AND e.reason IN ('DUTY', 'ACTIVITY', 'CONVENTION') GROUP BY e.unit",
                Object[].class).setParameter("c", community).setParameter("f", from).setParameter("t", to)
                .getResultList()) {
            points.put((String) row[0], ((Number) row[1]).longValue());
        }
        Map<String, Integer> checks = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT d.unit, COUNT(d) FROM DutyEntity d WHERE d.community = :c AND "
                + "d.status = 'DONE' AND d.kind IN ('FIRE_EXIT_CHECK', 'EBIKE_CHARGING_CHECK') AND d.doneOn >= :f AND "
                + "d.doneOn <= :t GROUP BY d.unit", Object[].class).setParameter("c", community)
                .setParameter("f", month.atDay(1)).setParameter("t", month.atEndOfMonth()).getResultList()) {
            checks.put((String) row[0], ((Number) row[1]).intValue());
        }
        Map<String, Integer> households = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT h.unit, COUNT(h) FROM HouseholdEntity h WHERE h.community = :c "
                + "GROUP BY h.unit", Object[].class).setParameter("c", community).getResultList()) {
            households.put((String) row[0], ((Number) row[1]).intValue());
        }
        List<Rules.Standing> out = new ArrayList<>();
        for (Places.UnitInfo u : places.units(community)) {
            out.add(new Rules.Standing(u.code(), u.fullLabel(), households.getOrDefault(u.code(), 0),
                    points.getOrDefault(u.code(), 0L), checks.getOrDefault(u.code(), 0)));
        }
        return Rules.rank(out);
    }

    static List<Line> lines(List<Rules.Standing> ranked) {
        List<Line> out = new ArrayList<>();
        int i = 0;
        for (Rules.Standing s : ranked) {
            out.add(new Line(++i, s.unit(), s.label(), s.households(), s.points(), s.perHousehold().toPlainString(),
                    s.safetyChecks()));
        }
        return out;
    }

    static List<Line> published(EntityManager em, String community, String month) {
        return em.createQuery("SELECT k FROM RankingEntity k WHERE k.community = :c AND k.month = :m ORDER BY k.rank",
                RankingEntity.class).setParameter("c", community).setParameter("m", month).getResultList().stream()
                .map(k -> new Line(k.rank, k.unit, k.unitLabel, k.households, k.points, k.perHousehold,
                        k.safetyChecks)).toList();
    }

    /** The communities the caller sees: theirs (a leader or steward: their unit's); the street's for its admin. */
    private List<String> communities(ProgrammeRequest r) {
        Set<String> out = new LinkedHashSet<>();
        for (Community c : places.communities(r.street())) {
            if (Who.near(r, c.code())) {
                out.add(c.code());
            }
        }
        return List.copyOf(out);
    }

    /** GET /ranking?community=&month=: published lines when the month is published, else computed now. */
    List<CommunityRanking> get(ProgrammeRequest r) throws ApiException {
        YearMonth month = Rules.month("month", r.query("month").orElse(null), LocalDate.now(MyBuilding.CHINA));
        String only = r.query("community").orElse(null);
        if (only != null && !DivisionCodes.hasCommunityForm(only)) {
            throw new ApiException(400, "invalid-parameter", "community 须为 12 位社区代码 / community must be a "
                    + "12-digit code", "community");
        }
        List<CommunityRanking> out = new ArrayList<>();
        for (String c : communities(r)) {
            if (only != null && !only.equals(c)) {
                continue;
            }
            out.add(tx.run(em -> {
                List<Line> fixed = published(em, c, month.toString());
                return new CommunityRanking(c, places.communityName(c), month.toString(), !fixed.isEmpty(),
                        fixed.isEmpty() ? lines(standings(em, c, month)) : fixed);
            }));
        }
        return out;
    }

    /** POST /ranking/publication {community, month} (staff): the month's ranking, fixed and made public. */
    ApiResponse publish(ProgrammeRequest r) throws ApiException {
        Rules.Publication b = r.body(Rules.Publication.class);
        String community = r.community("community", b.community());
        LocalDate today = LocalDate.now(MyBuilding.CHINA);
        YearMonth month = Rules.month("month", b.month(), today);
        CommunityRanking out = tx.run(em -> {
            List<Line> lines = publish(em, community, month, Who.by(r));
            return new CommunityRanking(community, places.communityName(community), month.toString(), true, lines);
        }, new ApiException(409, "already-published", "该月排名已发布 / the month's ranking is published already",
                "month"));
        r.auditDetail("ranking " + month + " of " + community + " published");
        return ApiResponse.created(out);
    }

    List<Line> publish(EntityManager em, String community, YearMonth month, String by) throws ApiException {
        if (!published(em, community, month.toString()).isEmpty()) {
            throw new ApiException(409, "already-published", "该月排名已发布 / the month's ranking is published "
                    + "already", "month");
        }
        List<Line> lines = lines(standings(em, community, month));
        LocalDateTime now = LocalDateTime.now(MyBuilding.CHINA);
        for (Line l : lines) {
            RankingEntity k = new RankingEntity();
            k.community = community;
            k.month = month.toString();
            k.rank = l.rank();
            k.unit = l.unit();
            k.unitLabel = l.label();
            k.households = l.households();
            k.points = l.points();
            k.perHousehold = l.perHousehold();
            k.safetyChecks = l.safetyChecks();
            k.publishedAt = now;
            k.publishedBy = by;
            em.persist(k);
        }
        em.flush();
        return lines;
    }

    /** The latest published month of a community, or {@code null}. */
    static String latest(EntityManager em, String community) {
        return em.createQuery("SELECT MAX(k.month) FROM RankingEntity k WHERE k.community = :c", String.class)
                .setParameter("c", community).getSingleResult();
    }
}
