package org.loumen.core.identity.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

import org.loumen.core.model.ChinaTime;
import org.loumen.security.AuditRecord.Outcome;
import org.loumen.security.Role;
import org.loumen.web.Access;
import org.loumen.web.ApiException;
import org.loumen.web.ApiRequest;
import org.loumen.web.ApiResource;
import org.loumen.web.Routes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Reading the audit log (审计查询): the auditor and the district admin only. There is no route that changes or deletes
 * an entry. Reading it is itself audited.
 */
@Component(service = ApiResource.class)
public final class AuditResource implements ApiResource {

    /** Dates without a time are days in China Standard Time, as the people reading the log count them. */
    static final ZoneId CHINA = ChinaTime.ZONE;

    private final JpaAuditTrail trail;
    private final AuditSearch search;

    @Activate
    public AuditResource(@Reference JpaAuditTrail trail, @Reference AuditSearch search) {
        this.trail = trail;
        this.search = search;
    }

    @Override
    public void routes(Routes routes) {
        Access readers = Access.within(Role.AUDITOR, Role.DISTRICT_ADMIN);
        routes.get("/audit", readers.personalData(), r -> {
            String outcome = r.query("outcome").map(o -> o.toUpperCase(Locale.ROOT)).orElse(null);
            if (outcome != null) {
                try {
                    Outcome.valueOf(outcome);
                } catch (IllegalArgumentException e) {
                    throw new ApiException(400, "invalid-parameter",
                            "outcome 须为 SUCCESS、DENIED 或 FAILURE / outcome must be SUCCESS, DENIED or FAILURE",
                            "outcome");
                }
            }
            Instant from = time(r, "from", false);
            Instant to = time(r, "to", true);
            return search.find(new AuditSearch.Filter(r.query("actor").orElse(null), r.query("action").orElse(null),
                    outcome, r.query("node").orElse(null), from, to),
                    r.queryInt("page", 1, 1, 1_000_000), r.queryInt("size", 50, 1, 200));
        })
                .get("/audit/verify", readers, r -> trail.verify());
    }

    /** {@code YYYY-MM-DD} (a whole day; {@code to} includes it) or an ISO instant. */
    private static Instant time(ApiRequest r, String name, boolean endOfDay) throws ApiException {
        Optional<String> raw = r.query(name);
        if (raw.isEmpty()) {
            return null;
        }
        try {
            if (raw.get().length() == 10) {
                LocalDate day = org.loumen.web.Inputs.date(name, raw.get());
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(CHINA).toInstant();
            }
            Instant at = Instant.parse(raw.get());
            if (org.loumen.web.Inputs.dateProblem(at.atZone(CHINA).toLocalDate()) != null) {
                throw new ApiException(400, "invalid-parameter", name + ": "
                        + org.loumen.web.Inputs.dateProblem(at.atZone(CHINA).toLocalDate()), name);
            }
            return at;
        } catch (DateTimeParseException e) {
            throw new ApiException(400, "invalid-parameter", name + " 须为 YYYY-MM-DD 或 ISO 时间 / " + name
                    + " must be YYYY-MM-DD or an ISO instant", name);
        }
    }
}
