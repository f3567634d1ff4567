package org.loumen.core.model;

import java.util.Set;

/**
 * The filters of a leader listing; a null filter selects everyone.
 *
 * @param street      a street's code
 * @param community   a community's code
 * @param q           part of the name or phone number
 * @param status      where the leader stands in the lifecycle
 * @param role        an assignment with this role in force today
 * @param age         completed years today (China time), the profile report's rule
 * @param educations  one of these education levels (e.g. the college-or-above ones)
 */
public record LeaderQuery(String street, String community, String q, LeaderStatus status, LeaderRole role,
        AgeBand age, Set<Education> educations) {

    /** The profile report's two age groups: under 60 completed years, and 60 or more. */
    public enum AgeBand {
        UNDER_60, SIXTY_PLUS
    }

    public LeaderQuery {
        educations = educations == null ? null : Set.copyOf(educations);
    }

    /** By street, community and text only. */
    public static LeaderQuery of(String street, String community, String q) {
        return new LeaderQuery(street, community, q, null, null, null, null);
    }
}
