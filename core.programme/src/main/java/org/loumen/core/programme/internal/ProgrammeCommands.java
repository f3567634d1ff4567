package org.loumen.core.programme.internal;

import org.loumen.core.model.DivisionCodes;
import org.loumen.core.model.OrganisationService;
import org.loumen.security.AuditRecord;
import org.loumen.security.AuditTrail;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Operator commands in the debug shell (Gogo): {@code loumen:programmes}, {@code loumen:enable STREET ID},
 * {@code loumen:disable STREET ID}. Switches are audited like the HTTP ones, with the actor {@code shell}. A bad
 * argument throws, which Gogo prints as the command's error.
 */
@Component(service = ProgrammeCommands.class, property = { "osgi.command.scope=loumen",
        "osgi.command.function=programmes", "osgi.command.function=enable", "osgi.command.function=disable" })
public final class ProgrammeCommands {

    private final ProgrammeRegistry registry;
    private final Enablement enablement;
    private final OrganisationService organisation;
    private final AuditTrail audit;

    @Activate
    public ProgrammeCommands(@Reference ProgrammeRegistry registry, @Reference Enablement enablement,
            @Reference OrganisationService organisation, @Reference AuditTrail audit) {
        this.registry = registry;
        this.enablement = enablement;
        this.organisation = organisation;
        this.audit = audit;
    }

    /** Lists every programme: id, version, state, bundle, names, the streets that enabled it, and any reason. */
    public String programmes() {
        StringBuilder sb = new StringBuilder(String.format("%-28s %-20s %-11s %-48s %s%n", "ID", "VERSION", "STATE",
                "BUNDLE", "NAME / ENABLED STREETS"));
        for (ProgrammeRegistry.Listed l : registry.list()) {
            sb.append(String.format("%-28s %-20s %-11s %-48s %s / %s%n", l.id(), l.version(), l.state(),
                    l.bundle() + " [" + l.bundleId() + "]", l.nameZh(), l.nameEn()));
            sb.append(String.format("%-28s enabled in: %s%n", "", enablement.streetsOf(l.id())));
            if (l.reason() != null) {
                sb.append(String.format("%-28s reason: %s%n", "", l.reason()));
            }
        }
        return sb.toString();
    }

    public String enable(String street, String id) {
        return set(street, id, true);
    }

    public String disable(String street, String id) {
        return set(street, id, false);
    }

    private String set(String street, String id, boolean on) {
        String action = "SHELL loumen:" + (on ? "enable" : "disable");
        if (!DivisionCodes.hasStreetForm(street) || organisation.street(street).isEmpty()) {
            record(action, street, id, AuditRecord.Outcome.FAILURE, 400, "unknown street");
            throw new IllegalArgumentException("没有此街道 / no street with the 9-digit code " + street
                    + "; usage: loumen:" + (on ? "enable" : "disable") + " STREET ID");
        }
        if (!registry.switchable(id, on)) {
            record(action, street, id, AuditRecord.Outcome.FAILURE, 404, "unknown programme");
            throw new IllegalArgumentException("没有此项目 / no programme " + id + " is deployed (see loumen:programmes)");
        }
        boolean changed = enablement.set(street, id, on, "shell");
        record(action, street, id, AuditRecord.Outcome.SUCCESS, 200, changed ? null : "unchanged");
        return (on ? "已启用 / enabled " : "已停用 / disabled ") + id + " @ " + street + (changed ? "" : " (unchanged)");
    }

    private void record(String action, String street, String id, AuditRecord.Outcome outcome, int status,
            String detail) {
        audit.record(new AuditRecord("shell", "console", action, "/streets/" + street + "/programmes/" + id,
                street != null && street.matches("\\d{1,12}") ? street : null, outcome, status, detail));
    }
}
