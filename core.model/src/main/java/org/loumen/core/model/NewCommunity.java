package org.loumen.core.model;

/**
 * A community to add under an existing street.
 *
 * @param code 12-digit division code beginning with the street's code
 * @param name Chinese name, 1-60 characters
 * @param kind {@code null} to read it off the code (committee segment 2xx: village, otherwise community)
 */
public record NewCommunity(String code, String name, CommunityKind kind) {
}
