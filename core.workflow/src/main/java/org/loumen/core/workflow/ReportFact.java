package org.loumen.core.workflow;

import java.time.Instant;

/**
 * A problem report (问题时报) as a fact: where, what kind, how far it got. Without the reporter's or a household's
 * details.
 *
 * @param id        the report's id
 * @param community the community code
 * @param place     the building or unit code it concerns ({@code null}: the community)
 * @param duty      the duty it falls under (one of the five duties, 五员), e.g. {@code SANITATION}
 * @param urgency   {@code NORMAL}, {@code URGENT} or {@code MAJOR}
 * @param status    {@code REPORTED}, {@code ACCEPTED}, {@code ASSIGNED}, {@code RESOLVED}, {@code CONFIRMED},
 *                  {@code REOPENED}
 * @param escalated whether it was escalated to the community at once (major problems)
 * @param createdAt when it was reported
 * @param dueAt     when it is due to be handled
 */
public record ReportFact(long id, String community, String place, String duty, String urgency, String status,
        boolean escalated, Instant createdAt, Instant dueAt) {
}
