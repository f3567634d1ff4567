package org.loumen.core.model;

/**
 * A street (街道) or town (镇): the unit that runs programmes and onboarding.
 *
 * @param code        9-digit division code, e.g. {@code 120112103}
 * @param name        Chinese name, e.g. 双港镇
 * @param nameEn      English name, e.g. Shuanggang Town
 * @param kind        read off the code
 * @param communities number of communities and villages under it
 * @param version     optimistic-locking version, sent back with updates
 */
public record Street(String code, String name, String nameEn, StreetKind kind, int communities, long version) {
}
