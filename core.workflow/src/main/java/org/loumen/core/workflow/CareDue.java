package org.loumen.core.workflow;

import java.time.LocalDate;

/**
 * A care visit (关怀走访) that is due: which household (by id only, no name or tag), at which unit, since when.
 *
 * @param household the household's id
 * @param unit      the unit code it lives in
 * @param nextDue   the day the visit was due
 * @since 1.1
 */
public record CareDue(long household, String unit, LocalDate nextDue) {
}
