package org.loumen.core.workflow.internal;

import java.time.LocalDate;
import java.util.List;

import org.loumen.core.model.DivisionCodes;
import org.loumen.domain.Refusal;
import org.loumen.web.Access;
import org.loumen.web.ApiResource;
import org.loumen.web.ApiResponse;
import org.loumen.web.NodeResolver;
import org.loumen.web.Routes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The residents' committees' sub-committees and their reserve over HTTP, for the district, the street admins and the
 * communities' secretaries, each within their part of the tree.
 */
@Component(service = ApiResource.class)
public final class ReserveResource implements ApiResource {

    record AddBody(Long leader, String reason) {
    }

    record AppointBody(String committee, LocalDate appointedOn, String note) {
    }

    record MemberBody(String name, LocalDate since, String note) {
    }

    private final ReserveService reserve;
    private final SubCommittees committees;

    @Activate
    public ReserveResource(@Reference ReserveService reserve, @Reference SubCommittees committees) {
        this.reserve = reserve;
        this.committees = committees;
    }

    @Override
    public void routes(Routes routes) {
        NodeResolver entry = r -> r.pathId("entry").flatMap(reserve::communityOf).map(List::of).orElse(List.of());
        routes.get("/sub-committees", Access.within(EvaluationResource.ORGANISERS), r -> committees.all())
                .get("/communities/{community}/sub-committees", Access.node("community", EvaluationResource.ORGANISERS)
                        .personalData(), r -> reserve.committees(community(r.pathParam("community"))))
                .post("/communities/{community}/sub-committees/{committee}/members", Access.node("community",
                        EvaluationResource.ORGANISERS), r -> {
                            MemberBody b = r.body(MemberBody.class);
                            ReserveService.Member m = reserve.addMember(community(r.pathParam("community")),
                                    r.pathParam("committee"), b.name(), b.since(), b.note(), r.caller().username());
                            r.auditDetail("member " + m.id() + " of " + r.pathParam("committee"));
                            return ApiResponse.created(m);
                        })
                .get("/reserve", Access.within(EvaluationResource.ORGANISERS).filteredBy("street", "community")
                        .personalData(), r -> reserve.list(r.scopes(), ReportResource.code(r, "street", 9),
                                ReportResource.code(r, "community", 12)))
                .post("/communities/{community}/reserve", Access.node("community", EvaluationResource.ORGANISERS),
                        r -> {
                            AddBody b = r.body(AddBody.class);
                            ReserveService.Entry e = reserve.add(community(r.pathParam("community")), b.leader(),
                                    b.reason(), r.caller().username());
                            r.auditDetail("reserve " + e.id() + " leader " + e.leader());
                            return ApiResponse.created(e);
                        })
                .post("/reserve/{entry}/appointment", Access.node(entry, EvaluationResource.ORGANISERS), r -> {
                    AppointBody b = r.body(AppointBody.class);
                    ReserveService.Entry e = reserve.appoint(r.pathId("entry").orElseThrow(), b.committee(),
                            b.appointedOn(), b.note(), r.caller().username());
                    r.auditDetail("reserve " + e.id() + " appointed to " + e.appointedTo());
                    return e;
                });
    }

    /** A community route's node must be a community (12 digits); anything else is not found. */
    private static String community(String code) throws Refusal {
        if (!DivisionCodes.hasCommunityForm(code)) {
            throw Civic.notFound();
        }
        return code;
    }
}
