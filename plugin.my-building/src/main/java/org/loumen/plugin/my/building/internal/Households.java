package org.loumen.plugin.my.building.internal;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.persistence.EntityManager;

import org.loumen.programme.ProgrammeRequest;
import org.loumen.programme.data.HouseholdView;
import org.loumen.web.ApiException;
import org.loumen.web.ApiResponse;

/**
 * The households of a unit as the programme knows them: room, household code (户码) and points. The leader (or the
 * secretary) registers them from the platform's household records (declared read {@code HOUSEHOLDS}: rooms only are
 * kept) and hands each its code on a slip; a code can be replaced when a slip is lost.
 */
final class Households {

    /** A household in lists: the code only for those who hand it out (leader, secretary), never for a steward. */
    record Household(long id, String unit, String room, String code, long points) {
        static Household of(HouseholdEntity h, boolean withCode) {
            return new Household(h.id, h.unit, h.room, withCode ? Codes.show(h.code) : null, h.points);
        }
    }

    private final Tx tx;
    private final Places places;

    Households(Tx tx, Places places) {
        this.tx = tx;
        this.places = places;
    }

    List<HouseholdEntity> of(String unit) throws ApiException {
        return tx.run(em -> em.createQuery("SELECT h FROM HouseholdEntity h WHERE h.unit = :u ORDER BY h.room",
                HouseholdEntity.class).setParameter("u", unit).getResultList());
    }

    /** GET /units/{unit}/households */
    List<Household> list(ProgrammeRequest r) throws ApiException {
        String unit = places.unit(r, "unit", r.pathParam("unit"));
        boolean codes = Who.actor(r) != Who.Actor.STEWARD;
        return of(unit).stream().map(h -> Household.of(h, codes)).toList();
    }

    /** POST /units/{unit}/households: registers the rooms of the platform's household records not known yet. */
    ApiResponse register(ProgrammeRequest r) throws ApiException {
        Who.approver(r);
        String unit = places.unit(r, "unit", r.pathParam("unit"));
        List<String> rooms = new ArrayList<>();
        for (HouseholdView v : r.data().households(unit)) {
            if (unit.equals(v.unit()) && v.room() != null && !v.room().isBlank()) {
                rooms.add(v.room().strip());
            }
        }
        int added = add(unit, rooms);
        r.auditDetail("households registered in " + unit + ": " + added);
        return ApiResponse.created(java.util.Map.of("added", added, "households", list(r)));
    }

    /** Adds the rooms a unit does not have yet, each with a fresh code; how many were added. */
    int add(String unit, List<String> rooms) throws ApiException {
        int added = 0;
        Set<String> known = new HashSet<>();
        of(unit).forEach(h -> known.add(h.room));
        for (String room : rooms) {
            if (room.length() > 20 || !known.add(room)) {
                continue;
            }
            for (int attempt = 0; attempt < 5; attempt++) {
                try {
                    tx.run(em -> {
                        create(em, unit, room);
                        return null;
                    }, new ApiException(409, "duplicate", "重复 / duplicate"));
                    added++;
                    break;
                } catch (ApiException duplicate) {
                    // a code drawn twice (or the room added at the same moment): try again, the room check decides
                    if (of(unit).stream().anyMatch(h -> h.room.equals(room))) {
                        break;
                    }
                }
            }
        }
        return added;
    }

    static HouseholdEntity create(EntityManager em, String unit, String room) {
        HouseholdEntity h = new HouseholdEntity();
        h.street = unit.substring(0, 9);
        h.community = unit.substring(0, 12);
        h.unit = unit;
        h.room = room;
        h.code = Codes.fresh();
        h.createdAt = LocalDateTime.now(MyBuilding.CHINA);
        em.persist(h);
        em.flush();
        return h;
    }

    /** POST /households/{household}/code: a new code; the old slip no longer works. */
    Household reissue(ProgrammeRequest r) throws ApiException {
        Who.approver(r);
        HouseholdEntity h = find(r, r.pathId("household").orElse(-1L), "household");
        for (int attempt = 0; attempt < 5; attempt++) {
            String code = Codes.fresh();
            try {
                HouseholdEntity out = tx.run(em -> {
                    HouseholdEntity e = em.find(HouseholdEntity.class, h.id);
                    e.code = code;
                    em.flush();
                    return e;
                }, new ApiException(409, "duplicate", "重复 / duplicate"));
                r.auditDetail("household code replaced for household " + h.id);
                return Household.of(out, true);
            } catch (ApiException duplicate) {
                // drawn twice: draw again
            }
        }
        throw new IllegalStateException("no free household code");
    }

    /** A household in the caller's part of the street, or 404 naming the field. */
    HouseholdEntity find(ProgrammeRequest r, long id, String field) throws ApiException {
        HouseholdEntity h = tx.run(em -> em.find(HouseholdEntity.class, id));
        if (h == null || !h.street.equals(r.street()) || !r.inScope(h.unit)) {
            throw Who.notFound("住户", "household", field);
        }
        return h;
    }

    /** The household a resident's code names in this unit, or {@code null}. */
    HouseholdEntity byCode(EntityManager em, String unit, String code) {
        List<HouseholdEntity> found = em.createQuery("SELECT h FROM HouseholdEntity h WHERE h.code = :c AND h.unit = :u",
                HouseholdEntity.class).setParameter("c", code).setParameter("u", unit).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }
}
