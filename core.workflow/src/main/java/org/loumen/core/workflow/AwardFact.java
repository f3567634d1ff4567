package org.loumen.core.workflow;

/**
 * An award of an excellent leader (优秀楼门栋长), decided in an award round.
 *
 * @param certificate     the certificate's number (荣誉证书编号)
 * @param round           the award round's id
 * @param period          the round's period, e.g. {@code 2026H1}
 * @param leader          the leader's id
 * @param community       the leader's community code
 * @param prioritySupport whether the leader's building and volunteer projects get priority support (优先扶持)
 * @param reservePool     whether the leader entered the reserve pool for the residents' committees' sub-committees
 */
public record AwardFact(String certificate, long round, String period, long leader, String community,
        boolean prioritySupport, boolean reservePool) {
}
