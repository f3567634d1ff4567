package org.loumen.core.workflow;

import java.time.LocalDate;

/**
 * A meeting a community did not hold (例会未开): the weekly liaison meeting (每周沟通) of the complete week from
 * {@code from} to {@code to}, or the month-end summary meeting (按月例会) of that complete month.
 *
 * @param community the community's code
 * @param kind      {@code WEEKLY} or {@code MONTHLY}
 * @param from      the first day of the week or month
 * @param to        its last day
 * @since 1.2
 */
public record MissedMeeting(String community, String kind, LocalDate from, LocalDate to) {
}
