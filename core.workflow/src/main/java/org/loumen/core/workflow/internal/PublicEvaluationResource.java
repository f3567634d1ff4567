package org.loumen.core.workflow.internal;

import java.util.List;

import org.loumen.web.Access;
import org.loumen.web.NodeResolver;
import org.loumen.web.Routes;
import org.loumen.web.ApiResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The evaluation as residents meet it (a code to look up, their unit's page) and the sheets organisers print. */
@Component(service = ApiResource.class)
public final class PublicEvaluationResource implements ApiResource {

    record LookupBody(String code) {
    }

    private final BallotLookup lookup;
    private final EvaluationService evaluations;
    private final ResidentReports residents;

    @Activate
    public PublicEvaluationResource(@Reference BallotLookup lookup, @Reference EvaluationService evaluations,
            @Reference ResidentReports residents) {
        this.lookup = lookup;
        this.evaluations = evaluations;
        this.residents = residents;
    }

    @Override
    public void routes(Routes routes) {
        NodeResolver community = r -> r.pathId("evaluation").flatMap(evaluations::community).map(List::of)
                .orElse(List.of());
        routes.post("/public/ballots/lookup", Access.publicRoute(),
                r -> lookup.lookup(r.body(LookupBody.class).code(), r.remoteAddress()))
                .get("/public/units/{unit}/evaluation", Access.publicRoute(),
                        r -> lookup.ofUnit(residents.unit(r.pathParam("unit"))))
                .get("/evaluations/{evaluation}/ballot-sheets",
                        Access.node(community, EvaluationResource.ORGANISERS).personalData(),
                        r -> lookup.sheets(r.pathId("evaluation").orElseThrow()));
    }
}
