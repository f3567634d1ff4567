package org.loumen.core.model;

/**
 * A community (社区) or village (村), run by its committee under a party organisation.
 *
 * @param code    12-digit division code; its first 9 digits are the street's code
 * @param street  the street's 9-digit code
 * @param name    Chinese name, e.g. 双闸村
 * @param kind    community or village
 * @param version optimistic-locking version, sent back with updates
 */
public record Community(String code, String street, String name, CommunityKind kind, long version) {
}
