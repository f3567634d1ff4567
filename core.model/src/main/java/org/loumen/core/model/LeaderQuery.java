package org.loumen.core.model;

import java.util.Collections;
import java.util.EnumSet;
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
 * @param statuses    one of these statuses (e.g. all the serving ones, in one query; since 1.7); with
 *                    {@code status} both apply
 */
public record LeaderQuery(String street, String community, String q, LeaderStatus status, LeaderRole role,
        AgeBand age, Set<Education> educations, Set<LeaderStatus> statuses) {

    /** The profile report's two age groups: under 60 completed years, and 60 or more. */
    public enum AgeBand {
        UNDER_60, SIXTY_PLUS
    }

    public LeaderQuery {
        educations = educations == null ? null : Set.copyOf(educations);
        // in declaration order, so that equal queries print alike (the listing's page cache keys on it)
        statuses = statuses == null ? null
                : Collections.unmodifiableSet(statuses.isEmpty() ? EnumSet.noneOf(LeaderStatus.class)
                        : EnumSet.copyOf(statuses));
    }

    /** Without a status set (the filters before 1.7). */
    public LeaderQuery(String street, String community, String q, LeaderStatus status, LeaderRole role, AgeBand age,
            Set<Education> educations) {
        this(street, community, q, status, role, age, educations, null);
    }

    /**
     * Leaders of the street (or everyone, when null) in one of the statuses.
     *
     * @since 1.7
     */
    public static LeaderQuery inStatus(String street, Set<LeaderStatus> statuses) {
        return new LeaderQuery(street, null, null, null, null, null, null, statuses);
    }

    /** By street, community and text only. */
    public static LeaderQuery of(String street, String community, String q) {
        return new LeaderQuery(street, community, q, null, null, null, null);
    }
}
