package org.loumen.core.workflow.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
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

/** Excellence awards over HTTP: the district and each street run their own rounds; staff see awards and the pool. */
@Component(service = ApiResource.class)
public final class AwardResource implements ApiResource {

    static final Role[] SELECTORS = { Role.DISTRICT_ADMIN, Role.STREET_ADMIN };
    /** Who sees the rounds: those who select, and the secretaries (read-only). */
    static final Role[] READERS = { Role.DISTRICT_ADMIN, Role.STREET_ADMIN, Role.COMMUNITY_SECRETARY };

    record RoundBody(String node, String period, BigDecimal minSatisfaction, Integer minReportsHandled) {
    }

    record DecisionBody(LocalDate decidedOn, List<Long> awardees, String decision) {
    }

    private final AwardService awards;

    @Activate
    public AwardResource(@Reference AwardService awards) {
        this.awards = awards;
    }

    @Override
    public void routes(Routes routes) {
        NodeResolver node = r -> r.pathId("round").flatMap(awards::round).map(v -> List.of(v.node())).orElse(List.of());
        routes.post("/awards/rounds", Access.within(SELECTORS), r -> {
            RoundBody b = r.body(RoundBody.class);
            if (!DivisionCodes.hasDistrictForm(b.node()) && !DivisionCodes.hasStreetForm(b.node())) {
                throw ApiException.invalidField("node", "须为区（6 位）或街道（9 位）代码 / node must be the district's "
                        + "or a street's code");
            }
            if (!r.inScope(b.node())) {
                throw new ApiException(404, "not-found", "未找到 / not found");
            }
            return ApiResponse.created(awards.open(b.node(), b.period(),
                    b.minSatisfaction(), b.minReportsHandled()));
        })
                .get("/awards/rounds", Access.within(READERS).filteredBy("street"),
                        r -> awards.rounds(r.scopes(), ReportResource.code(r, "street", 9)))
                .get("/awards/rounds/{round}", Access.node(node, SELECTORS),
                        r -> awards.round(r.pathId("round").orElseThrow()).orElseThrow())
                .get("/awards/rounds/{round}/candidates", Access.node(node, SELECTORS).personalData(),
                        r -> awards.candidates(r.pathId("round").orElseThrow()))
                .post("/awards/rounds/{round}/decision", Access.node(node, SELECTORS), r -> {
                    DecisionBody b = r.body(DecisionBody.class);
                    var out = awards.decide(r.pathId("round").orElseThrow(),
                            b.decidedOn(), b.awardees(), b.decision(), r.caller().username());
                    r.auditDetail(out.size() + " awarded");
                    return out;
                })
                .get("/awards", Access.within(EvaluationResource.ORGANISERS).filteredBy("street").personalData(),
                        r -> awards.awards(r.scopes(), r.query("street").orElse(null), false))
                .get("/awards/reserve-pool", Access.within(EvaluationResource.ORGANISERS).filteredBy("street")
                        .personalData(), r -> awards.awards(r.scopes(), r.query("street").orElse(null), true));
    }

}
