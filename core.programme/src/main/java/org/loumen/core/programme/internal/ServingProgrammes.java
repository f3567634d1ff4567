package org.loumen.core.programme.internal;

import java.util.Set;

import org.osgi.service.component.annotations.Component;

/**
 * The ids of the programmes being served now, as {@link ProgrammeRegistry} last published them. A holder of its own so
 * that what reads it ({@link RoleGrants}, which programmes use) never needs the registry, which gets programmes'
 * services while it starts: reading the registry there would make a service cycle.
 */
@Component(service = ServingProgrammes.class)
public final class ServingProgrammes {

    private volatile Set<String> ids = Set.of();

    Set<String> ids() {
        return ids;
    }

    void set(Set<String> serving) {
        ids = Set.copyOf(serving);
    }
}
