package org.loumen.core.workflow.internal;

import org.loumen.web.Access;
import org.loumen.web.ApiResource;
import org.loumen.web.ApiResponse;
import org.loumen.web.Routes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The residents' side of reports: file one from the unit's page, follow it by its number. No account, no names. */
@Component(service = ApiResource.class)
public final class ResidentReportResource implements ApiResource {

    /** What a resident sends: the duty (category) is optional, as is a phone to be called back on. */
    record ResidentBody(String description, String phone, String duty) {
    }

    private final ResidentReports residents;

    @Activate
    public ResidentReportResource(@Reference ResidentReports residents) {
        this.residents = residents;
    }

    @Override
    public void routes(Routes routes) {
        routes.post("/public/units/{unit}/reports", Access.publicRoute(), r -> {
            ResidentBody b = r.body(ResidentBody.class);
            ResidentReports.Filed filed = residents.file(r.pathParam("unit"), b.description(), b.phone(), b.duty(),
                    r.remoteAddress());
            r.auditDetail("resident report " + filed.number());
            return ApiResponse.created(filed);
        })
                .get("/public/reports/{number}", Access.publicRoute(),
                        r -> residents.status(r.pathParam("number"), r.remoteAddress()));
    }
}
