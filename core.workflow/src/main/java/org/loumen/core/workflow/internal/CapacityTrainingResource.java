package org.loumen.core.workflow.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.loumen.core.model.LeaderService;
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
 * Capacity training over HTTP (赋能培训): a street's admins keep providers and sessions; secretaries read the hours and
 * coverage of their communities; a leader reads their own record at {@code /me/training}.
 */
@Component(service = ApiResource.class)
public final class CapacityTrainingResource implements ApiResource {

    record ProviderBody(CapacityTrainingService.ProviderKind kind, String name, String contact) {
    }

    private final CapacityTrainingService capacity;
    private final TrainingService training;
    private final LeaderService leaders;

    @Activate
    public CapacityTrainingResource(@Reference CapacityTrainingService capacity, @Reference TrainingService training,
            @Reference LeaderService leaders) {
        this.capacity = capacity;
        this.training = training;
        this.leaders = leaders;
    }

    @Override
    public void routes(Routes routes) {
        NodeResolver sessionStreet = r -> r.pathId("session").flatMap(capacity::streetOfSession).map(List::of)
                .orElse(List.of());
        NodeResolver leaderNode = r -> r.pathId("leader").flatMap(leaders::leader).map(l -> List.of(l.community()))
                .orElse(List.of());
        routes.post("/streets/{street}/capacity-providers", Access.node("street", TrainingResource.RUNNERS), r -> {
            ProviderBody b = r.body(ProviderBody.class);
            return ApiResponse.created(capacity.addProvider(r.pathParam("street"), b.kind(), b.name(), b.contact()));
        })
                .get("/streets/{street}/capacity-providers", Access.area("street", EvaluationResource.ORGANISERS),
                        r -> capacity.providers(r.pathParam("street")))
                .post("/streets/{street}/capacity-sessions", Access.node("street", TrainingResource.RUNNERS), r -> {
                    var s = capacity.addSession(r.pathParam("street"),
                            r.body(CapacityTrainingService.SessionDraft.class), r.caller().username());
                    r.auditDetail("capacity session " + s.id() + ", " + s.attendance() + " attended");
                    return ApiResponse.created(s);
                })
                .get("/streets/{street}/capacity-sessions", Access.area("street", EvaluationResource.ORGANISERS),
                        r -> capacity.sessions(r.pathParam("street"), year(r)))
                .get("/capacity-sessions/{session}", Access.node(sessionStreet, TrainingResource.RUNNERS)
                        .personalData(), r -> capacity.session(r.pathId("session").orElseThrow()).orElseThrow(
                                () -> ApiException.notFound("培训场次", "session", r.pathParam("session"))))
                .get("/streets/{street}/capacity-hours", Access.area("street", EvaluationResource.ORGANISERS)
                        .personalData(), r -> {
                            List<CapacityTrainingService.LeaderHours> rows = capacity.hours(r.scopes(),
                                    r.pathParam("street"), year(r));
                            boolean none = r.query("none").map("true"::equals).orElse(false);
                            return none ? rows.stream().filter(h -> h.sessions() == 0).toList() : rows;
                        })
                .get("/capacity-training/coverage", Access.within(EvaluationResource.ORGANISERS).filteredBy("street"),
                        r -> capacity.coverage(r.scopes(), ReportResource.code(r, "street", 9), year(r)))
                .get("/leaders/{leader}/capacity-training", Access.node(leaderNode, EvaluationResource.ORGANISERS),
                        r -> capacity.record(r.pathId("leader").orElseThrow()))
                .get("/me/training", Access.within(org.loumen.security.Role.LEADER), r -> {
                    Long me = Me.leaderId(r.caller()).orElse(null);
                    if (me == null) {
                        return Map.of("onboarding", List.of(), "capacity", Map.of("sessions", List.of(), "years",
                                List.of()));
                    }
                    return Map.of("onboarding", training.record(me), "capacity", capacity.record(me));
                });
    }

    private static int year(ApiRequest r) throws ApiException {
        return r.queryInt("year", LocalDate.now(EvaluationService.CHINA).getYear(), 2000, 2199);
    }
}
