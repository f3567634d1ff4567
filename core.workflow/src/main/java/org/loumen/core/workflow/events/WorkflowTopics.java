package org.loumen.core.workflow.events;

/**
 * Event Admin topics and their properties. Every property value is a {@code String}, {@code Long} or a list of
 * {@code Long}, as noted.
 */
public final class WorkflowTopics {

    private WorkflowTopics() {
    }

    // ---- properties -------------------------------------------------------------------------------------------

    /** Property: a leader's id ({@code Long}). */
    public static final String PROP_LEADER = "leader";
    /** Property: a community code ({@code String}). */
    public static final String PROP_COMMUNITY = "community";
    /** Property: the status a leader moved from ({@code String}, absent for the first step). */
    public static final String PROP_FROM = "from";
    /** Property: the status a leader moved to ({@code String}). */
    public static final String PROP_TO = "to";
    /** Property: an evaluation's id ({@code Long}). */
    public static final String PROP_EVALUATION = "evaluation";
    /** Property: a period such as {@code 2026H1} ({@code String}). */
    public static final String PROP_PERIOD = "period";
    /** Property: satisfaction in percent, e.g. {@code "54.55"} ({@code String}; on NOT_REAPPOINTED). */
    public static final String PROP_SATISFACTION_PERCENT = "satisfactionPercent";
    /** Property: a problem report's id ({@code Long}). */
    public static final String PROP_REPORT = "report";
    /** Property: the account that filed a report ({@code String}; absent for a resident's report). Since 1.1. */
    public static final String PROP_REPORTER = "reporter";
    /** Property: the unit, building or community code a report concerns ({@code String}). Since 1.1. */
    public static final String PROP_PLACE = "place";
    /** Property: the duty of a report ({@code String}, a {@code Duty} name). */
    public static final String PROP_DUTY = "duty";
    /** Property: the urgency of a report ({@code String}). */
    public static final String PROP_URGENCY = "urgency";
    /** Property: an award round's id ({@code Long}). */
    public static final String PROP_ROUND = "round";
    /** Property: the node of an award round ({@code String}: the district, a street or community). */
    public static final String PROP_NODE = "node";
    /** Property: the awarded leaders' ids ({@code List<Long>}). */
    public static final String PROP_AWARDEES = "awardees";
    /** Property: a meeting's id ({@code Long}). */
    public static final String PROP_MEETING = "meeting";
    /** Property: a meeting's kind ({@code String}, the meeting kind's name). */
    public static final String PROP_KIND = "kind";
    /** Property: a household's id ({@code Long}). */
    public static final String PROP_HOUSEHOLD = "household";
    /** Property: the day of a care visit ({@code String}, {@code YYYY-MM-DD}). */
    public static final String PROP_VISITED_ON = "visitedOn";
    /** Property: a street code ({@code String}). */
    public static final String PROP_STREET = "street";
    /** Property: a programme's id ({@code String}). */
    public static final String PROP_PROGRAMME = "programme";
    /** Property: who switched a programme ({@code String}, a username). */
    public static final String PROP_BY = "by";

    // ---- leader lifecycle -------------------------------------------------------------------------------------

    /**
     * Prefix of a leader's move: the topic is the prefix and the status moved to, e.g.
     * {@code org/loumen/leader/IN_SERVICE}; properties {@link #PROP_LEADER}, {@link #PROP_TO},
     * {@link #PROP_COMMUNITY}, {@link #PROP_FROM}, and {@link #PROP_EVALUATION} with
     * {@link #PROP_SATISFACTION_PERCENT} on {@code NOT_REAPPOINTED}.
     */
    public static final String LEADER_PREFIX = "org/loumen/leader/";
    /** Every move of a leader. */
    public static final String LEADER_ALL = LEADER_PREFIX + "*";
    /** A leader starts serving (持证上岗). */
    public static final String LEADER_IN_SERVICE = LEADER_PREFIX + "IN_SERVICE";
    /** A leader is not re-appointed after an evaluation below 60% (不再选任). */
    public static final String LEADER_NOT_REAPPOINTED = LEADER_PREFIX + "NOT_REAPPOINTED";

    // ---- problem reports --------------------------------------------------------------------------------------

    /**
     * Prefix of a report's step: {@code org/loumen/report/REPORTED}, {@code ACCEPTED}, {@code ASSIGNED},
     * {@code RESOLVED}, {@code CONFIRMED}, {@code REOPENED}, {@code ESCALATED}; properties {@link #PROP_REPORT},
     * {@link #PROP_COMMUNITY}, {@link #PROP_DUTY}, {@link #PROP_URGENCY}.
     */
    public static final String REPORT_PREFIX = "org/loumen/report/";
    /** Every step of a report. */
    public static final String REPORT_ALL = REPORT_PREFIX + "*";
    /** A problem was reported. */
    public static final String REPORT_REPORTED = REPORT_PREFIX + "REPORTED";
    /** A major problem was escalated to the community at once. */
    public static final String REPORT_ESCALATED = REPORT_PREFIX + "ESCALATED";
    /**
     * A report was resolved.
     *
     * @since 1.2
     */
    public static final String REPORT_RESOLVED = REPORT_PREFIX + "RESOLVED";

    // ---- evaluations, awards, meetings, care -------------------------------------------------------------------

    /** An evaluation opened: {@link #PROP_EVALUATION}, {@link #PROP_COMMUNITY}, {@link #PROP_PERIOD}. */
    public static final String EVALUATION_OPENED = "org/loumen/evaluation/OPENED";
    /** An evaluation closed (its outcomes are final): the same properties. */
    public static final String EVALUATION_CLOSED = "org/loumen/evaluation/CLOSED";
    /** An award round was decided: {@link #PROP_ROUND}, {@link #PROP_NODE}, {@link #PROP_PERIOD}, {@link #PROP_AWARDEES}. */
    public static final String AWARD_DECIDED = "org/loumen/award/DECIDED";
    /**
     * Prefix of a meeting's topics: the prefix and {@code SCHEDULED} or {@code HELD}.
     *
     * @since 1.2
     */
    public static final String MEETING_PREFIX = "org/loumen/meeting/";
    /** A meeting was scheduled: {@link #PROP_MEETING}, {@link #PROP_COMMUNITY}, {@link #PROP_KIND}. */
    public static final String MEETING_SCHEDULED = MEETING_PREFIX + "SCHEDULED";
    /** A meeting was held (minutes recorded): the same properties. */
    public static final String MEETING_HELD = MEETING_PREFIX + "HELD";
    /** A care visit to a household was recorded: {@link #PROP_HOUSEHOLD}, {@link #PROP_COMMUNITY}, {@link #PROP_VISITED_ON}. */
    public static final String CARE_VISITED = "org/loumen/care/VISITED";

    // ---- programmes ---------------------------------------------------------------------------------------------

    /** A street enabled a programme: {@link #PROP_STREET}, {@link #PROP_PROGRAMME}, {@link #PROP_BY}. */
    public static final String PROGRAMME_ENABLED = "org/loumen/programme/ENABLED";
    /** A street disabled a programme: the same properties. */
    public static final String PROGRAMME_DISABLED = "org/loumen/programme/DISABLED";
    /** A programme was deployed: {@link #PROP_PROGRAMME}, {@code bundle}, {@code version} (Strings). */
    public static final String PROGRAMME_DEPLOYED = "org/loumen/programme/DEPLOYED";
    /** A programme was removed: the same properties. */
    public static final String PROGRAMME_REMOVED = "org/loumen/programme/REMOVED";
}
