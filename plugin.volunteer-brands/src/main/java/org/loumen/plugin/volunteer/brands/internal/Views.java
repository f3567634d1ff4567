package org.loumen.plugin.volunteer.brands.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.loumen.core.workflow.AwardFact;
import org.loumen.programme.ProgrammeRequest;
import org.loumen.programme.data.LeaderView;
import org.loumen.web.ApiException;

/** What clients see: records built from the entities, names read through the declared data access. */
final class Views {

    private Views() {
    }

    /**
     * A brand. {@code founderName} is {@code null} when the caller may not read the founder's name;
     * {@code prioritySupport} is true when the founder holds an award with priority support (优先扶持) within the
     * caller's scope ({@code award}: its certificate number); {@code lead}, {@code member} and {@code manage} say what
     * the caller is to the brand.
     */
    record Brand(long id, String community, String name, String slogan, String status, Long founder,
            String founderName, LocalDate foundedOn, long members, boolean prioritySupport, String award,
            boolean lead, boolean member, boolean manage, long version) {
    }

    record Member(long id, long brand, String kind, Long leader, String name, String volunteerNo, List<String> skills,
            LocalDate joinedOn, LocalDate leftOn, boolean active) {
    }

    record Participant(long member, String volunteerNo, String name, BigDecimal hours) {
    }

    /** An activity; {@code participants} is empty for an activity of version 1 (totals only). */
    record Activity(long id, long brand, LocalDate heldOn, String title, String place, int volunteers,
            BigDecimal hours, List<Participant> participants) {
    }

    /** An entry of service hours; {@code mine}: the caller reported it; {@code mayDecide}: the caller may decide it. */
    record Hours(long id, long brand, String brandName, long member, String volunteerNo, String name, Long activity,
            LocalDate servedOn, BigDecimal hours, String description, String source, String status,
            LocalDateTime reportedAt, String decidedBy, LocalDateTime decidedAt, String rejectReason, boolean mine,
            boolean mayDecide) {
    }

    record Rank(int rank, long member, long brand, String brandName, String volunteerNo, String name, String kind,
            BigDecimal hours, int entries, int days) {
    }

    /** Per brand: activities, volunteer turns, service hours (activities plus approved self-reports), members. */
    record Summary(long id, String community, String name, long activities, long volunteerTurns,
            BigDecimal serviceHours, long members, BigDecimal selfReportedHours, boolean prioritySupport) {
    }

    /** The leaders the caller may read by name, by id (the declared {@code LEADER_NAMES}). */
    static Map<Long, LeaderView> leaders(ProgrammeRequest r) throws ApiException {
        Map<Long, LeaderView> out = new HashMap<>();
        r.data().leaders(null).forEach(l -> out.put(l.id(), l));
        return out;
    }

    static String name(MemberEntity m, Map<Long, LeaderView> leaders) {
        if (m.leader == null) {
            return m.residentName;
        }
        LeaderView l = leaders.get(m.leader);
        return l == null ? null : l.name();
    }

    static Member member(MemberEntity m, Map<Long, LeaderView> leaders, LocalDate today) {
        return new Member(m.id, m.brand, m.kind, m.leader, name(m, leaders), m.volunteerNo, Inputs.skillList(m.skills),
                m.joinedOn, m.leftOn, m.activeOn(today));
    }

    /** The awards with priority support within the caller's scope, by leader (the latest period wins). */
    static Map<Long, AwardFact> priority(List<AwardFact> awards) {
        Map<Long, AwardFact> out = new HashMap<>();
        for (AwardFact a : awards) {
            if (a.prioritySupport()) {
                out.merge(a.leader(), a, (x, y) -> x.period().compareTo(y.period()) >= 0 ? x : y);
            }
        }
        return out;
    }
}
