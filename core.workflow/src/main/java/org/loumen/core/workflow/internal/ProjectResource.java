package org.loumen.core.workflow.internal;

import java.math.BigDecimal;
import java.util.List;

import org.loumen.core.workflow.internal.ProjectRules.Level;
import org.loumen.core.workflow.internal.ProjectRules.Status;
import org.loumen.domain.Refusal;
import org.loumen.security.Role;
import org.loumen.web.Access;
import org.loumen.web.ApiException;
import org.loumen.web.ApiRequest;
import org.loumen.web.ApiResource;
import org.loumen.web.ApiResponse;
import org.loumen.web.NodeResolver;
import org.loumen.web.Routes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Projects over HTTP: a leader proposes and follows their own; the community's secretary reviews first, the street
 * (or the district) second; the review queue and the street's report for staff.
 */
@Component(service = ApiResource.class)
public final class ProjectResource implements ApiResource {

    static final Role[] STREET = { Role.DISTRICT_ADMIN, Role.STREET_ADMIN };

    record ProposalBody(String kind, String title, String place, BigDecimal budgetAsked, String description) {
    }

    record ReviewBody(String decision, BigDecimal amountGranted, String note) {
    }

    private final ProjectService projects;

    @Activate
    public ProjectResource(@Reference ProjectService projects) {
        this.projects = projects;
    }

    @Override
    public void routes(Routes routes) {
        NodeResolver community = r -> r.pathId("project").flatMap(projects::community).map(List::of)
                .orElse(List.of());
        routes.post("/me/projects", Access.within(Role.LEADER), r -> {
            ProposalBody b = r.body(ProposalBody.class);
            ProjectService.View v = projects.propose(r.caller().username(), Me.leaderId(r.caller()).orElse(null),
                    Me.places(r.caller()), b.kind(), b.title(), b.place(), b.budgetAsked(), b.description());
            r.auditDetail("project " + v.id());
            return ApiResponse.created(v);
        })
                .get("/me/projects", Access.within(Role.LEADER), r -> projects.mine(r.caller().username()))
                .get("/projects", Access.within(EvaluationResource.ORGANISERS).filteredBy("street", "community")
                        .personalData(), r -> projects.list(r.scopes(), ReportResource.code(r, "street", 9),
                                ReportResource.code(r, "community", 12), status(r), r.queryInt("page", 1, 1,
                                        1_000_000), r.queryInt("size", 20, 1, 200)))
                .get("/projects/stats", Access.within(EvaluationResource.ORGANISERS).filteredBy("street", "community"),
                        r -> projects.stats(r.scopes(), ReportResource.code(r, "street", 9),
                                ReportResource.code(r, "community", 12), r.queryInt("year", Civic.today().getYear(),
                                        2000, 2199)))
                .get("/projects/{project}", Access.node(community, EvaluationResource.ORGANISERS).personalData(),
                        r -> projects.project(r.pathId("project").orElseThrow()).orElseThrow(Civic::notFound))
                .post("/projects/{project}/community-review", Access.node(community, Role.COMMUNITY_SECRETARY),
                        r -> review(r, Level.COMMUNITY))
                .post("/projects/{project}/street-review", Access.node(community, STREET),
                        r -> review(r, Level.STREET));
    }

    private Object review(ApiRequest r, Level level) throws ApiException, Refusal {
        ReviewBody b = r.body(ReviewBody.class);
        ProjectService.View v = projects.review(r.pathId("project").orElseThrow(), level, b.decision(),
                b.amountGranted(), b.note(), r.caller().username());
        r.auditDetail(level + " " + b.decision() + " → " + v.status());
        return v;
    }

    private static Status status(ApiRequest r) throws ApiException {
        String s = r.query("status").orElse(null);
        if (s == null) {
            return null;
        }
        try {
            return Status.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "invalid-parameter", "status 须为 PROPOSED、FORWARDED、APPROVED 或 DECLINED / "
                    + "status must be PROPOSED, FORWARDED, APPROVED or DECLINED", "status");
        }
    }
}
