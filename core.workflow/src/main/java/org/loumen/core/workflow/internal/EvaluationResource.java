package org.loumen.core.workflow.internal;

import java.util.ArrayList;
import java.util.List;

import org.loumen.core.model.DivisionCodes;
import org.loumen.security.Role;
import org.loumen.web.Access;
import org.loumen.web.ApiException;
import org.loumen.web.ApiResource;
import org.loumen.web.ApiResponse;
import org.loumen.web.NodeResolver;
import org.loumen.web.Routes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The semi-annual evaluation over HTTP (API fixed by the issue): organisers' routes are scoped, ballots are public. */
@Component(service = ApiResource.class)
public final class EvaluationResource implements ApiResource {

    static final Role[] ORGANISERS = { Role.DISTRICT_ADMIN, Role.STREET_ADMIN, Role.COMMUNITY_SECRETARY };

    record OpenBody(String community, String period) {
    }

    /** A rating as residents send it: the leader's id as text, and their verdict. */
    record RatingBody(String leader, Verdict rating) {
    }

    enum Verdict {
        SATISFIED, FAIRLY_SATISFIED, DISSATISFIED
    }

    record BallotBody(String code, List<RatingBody> ratings) {
    }

    private final EvaluationService evaluations;

    @Activate
    public EvaluationResource(@Reference EvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    @Override
    public void routes(Routes routes) {
        NodeResolver community = r -> r.pathId("evaluation").flatMap(evaluations::community).map(List::of)
                .orElse(List.of());
        routes.post("/evaluations", Access.within(ORGANISERS), r -> {
            OpenBody body = r.body(OpenBody.class);
            if (!DivisionCodes.hasCommunityForm(body.community())) {
                throw ApiException.invalidField("community", "社区代码须为 12 位数字 / community must be a 12-digit code");
            }
            if (!r.inScope(body.community())) {
                throw new ApiException(404, "not-found", "未找到 / not found");
            }
            EvaluationService.View v = evaluations.open(body.community(), body.period(), r.caller().username());
            r.auditDetail("evaluation " + v.id() + ": " + v.codes() + " ballot codes issued");
            return ApiResponse.created(v);
        })
                .get("/evaluations", Access.within(ORGANISERS).filteredBy("street", "community"),
                        r -> evaluations.list(r.scopes(), ReportResource.code(r, "street", 9),
                                ReportResource.code(r, "community", 12), r.query("period").orElse(null),
                                r.queryInt("page", 1, 1, 1_000_000), r.queryInt("size", 50, 1, 200)))
                .get("/evaluations/periods/current", Access.publicRoute(), r -> evaluations.currentPeriod())
                .get("/evaluations/{evaluation}", Access.node(community, ORGANISERS),
                        r -> evaluations.view(r.pathId("evaluation").orElseThrow()).orElseThrow())
                .get("/evaluations/{evaluation}/ballot-codes", Access.node(community, ORGANISERS).personalData(),
                        r -> ApiResponse.file("text/csv;charset=UTF-8", "选票码-" + r.pathParam("evaluation") + ".csv",
                                evaluations.codesCsv(r.pathId("evaluation").orElseThrow())))
                .post("/evaluations/{evaluation}/close", Access.node(community, ORGANISERS),
                        r -> evaluations.close(r.pathId("evaluation").orElseThrow(), r.caller().username()))
                .get("/evaluations/{evaluation}/results", Access.node(community, ORGANISERS).personalData(),
                        r -> evaluations.results(r.pathId("evaluation").orElseThrow()))
                .post("/ballots", Access.publicRoute(), r -> {
                    BallotBody body = r.body(BallotBody.class);
                    List<EvaluationService.Rating> ratings = new ArrayList<>();
                    if (body.ratings() != null) {
                        for (int i = 0; i < body.ratings().size(); i++) {
                            RatingBody rb = body.ratings().get(i);
                            try {
                                ratings.add(new EvaluationService.Rating(Long.parseLong(rb.leader()),
                                        rb.rating() == null ? null : rb.rating().name()));
                            } catch (NumberFormatException | NullPointerException e) {
                                throw ApiException.invalidField("ratings[" + i + "].leader",
                                        "缺少或无效的楼门栋长编号 / leader id missing or malformed");
                            }
                        }
                    }
                    // the acceptance's audit entry is committed with the ballot: one log force for both
                    evaluations.vote(body.code(), ratings, r.remoteAddress(), r.auditEntry(201).orElse(null));
                    r.audited();
                    return ApiResponse.created(java.util.Map.of("accepted", true));
                });
    }

}
