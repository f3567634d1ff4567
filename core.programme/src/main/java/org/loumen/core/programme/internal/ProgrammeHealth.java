package org.loumen.core.programme.internal;

import java.util.ArrayList;
import java.util.List;

import org.loumen.web.HealthCheck;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Tells health about the programmes FAILED although their component is active (a duplicate id, routes refused): SCR
 * does not see them. Failed activations and unresolved bundles are health's own findings.
 */
@Component(service = HealthCheck.class)
public final class ProgrammeHealth implements HealthCheck {

    private final ProgrammeRegistry registry;

    @Activate
    public ProgrammeHealth(@Reference ProgrammeRegistry registry) {
        this.registry = registry;
    }

    @Override
    public List<HealthCheck.Problem> problems() {
        return problems(registry.refused());
    }

    /** One FAILED problem per refused programme, unless its failure is an activation SCR reports itself. */
    static List<HealthCheck.Problem> problems(List<ProgrammeRegistry.Listed> refused) {
        List<HealthCheck.Problem> out = new ArrayList<>();
        for (ProgrammeRegistry.Listed l : refused) {
            if (l.reason() == null || !l.reason().startsWith("activation failed")) {
                out.add(new HealthCheck.Problem(l.bundle(), "programme " + l.id(), "FAILED", l.reason()));
            }
        }
        return out;
    }
}
