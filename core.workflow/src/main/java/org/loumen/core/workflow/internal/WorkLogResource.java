package org.loumen.core.workflow.internal;

import java.time.LocalDate;

import org.loumen.security.Role;
import org.loumen.web.Access;
import org.loumen.web.ApiException;
import org.loumen.web.ApiRequest;
import org.loumen.web.ApiResource;
import org.loumen.web.ApiResponse;
import org.loumen.web.Inputs;
import org.loumen.web.Routes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The work log (民情日志) over HTTP: leaders write and read their own; the community and street see the counts. */
@Component(service = ApiResource.class)
public final class WorkLogResource implements ApiResource {

    record EntryBody(String duty, String day, String place, String note) {
    }

    private final WorkLogService log;

    @Activate
    public WorkLogResource(@Reference WorkLogService log) {
        this.log = log;
    }

    @Override
    public void routes(Routes routes) {
        routes.post("/me/work-log", Access.within(Role.LEADER), r -> {
            EntryBody b = r.body(EntryBody.class);
            if (b.day() == null || b.day().isBlank()) {
                throw ApiException.invalidField("day", "请填写日期 YYYY-MM-DD / day is required (YYYY-MM-DD)");
            }
            LocalDate day = Inputs.date("day", b.day());
            WorkLogService.Entry e = log.write(r.caller().username(),
                    Me.leaderId(r.caller()).orElse(null), Me.places(r.caller()), b.duty(), day, b.place(), b.note());
            r.auditDetail("work log " + e.id());
            return ApiResponse.created(e);
        })
                .get("/me/work-log", Access.within(Role.LEADER), r -> log.mine(r.caller().username(),
                        r.queryInt("page", 1, 1, 1_000_000), r.queryInt("size", 50, 1, 200)))
                .get("/me/work-log/summary", Access.within(Role.LEADER),
                        r -> log.summary(r.caller().username(), year(r)))
                .get("/work-log/stats", Access.within(EvaluationResource.ORGANISERS).filteredBy("street", "community"),
                        r -> log.stats(r.scopes(), ReportResource.code(r, "street", 9),
                                ReportResource.code(r, "community", 12), year(r)));
    }

    private static int year(ApiRequest r) throws ApiException {
        return r.queryInt("year", LocalDate.now(EvaluationService.CHINA).getYear(), 2000, 2199);
    }
}
