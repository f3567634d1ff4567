package org.loumen.core.model;

import java.time.Instant;

/**
 * A leader's consent to show their full phone number to the public (公开手机号同意; PIPL art. 25: personal data is made
 * public only with the person's separate consent). Without it residents see the number masked.
 *
 * @param at when the consent was recorded
 * @param by the account that recorded it: the leader themself or staff at the leader's community
 * @since 1.3
 */
public record PhoneConsent(Instant at, String by) {
}
