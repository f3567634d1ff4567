package org.loumen.core.workflow.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.loumen.core.model.Household;
import org.loumen.core.model.HouseholdService;
import org.loumen.security.Caller;
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
 * Care visits over HTTP, for those who care: the community secretary and the leaders bound to a household's building
 * or unit (the same rule that decides who sees special-group tags).
 */
@Component(service = ApiResource.class)
public final class CareResource implements ApiResource {

    static final Role[] CARERS = { Role.COMMUNITY_SECRETARY, Role.LEADER };

    record VisitBody(LocalDate visitedOn, String note) {
    }

    private final CareService care;
    private final HouseholdService households;

    @Activate
    public CareResource(@Reference CareService care, @Reference HouseholdService households) {
        this.care = care;
        this.households = households;
    }

    /** The secretary of the household's community, or a leader bound to its building or unit. */
    static boolean caresFor(Caller c, Household h) {
        return c.covers(h.community(), Set.of(Role.COMMUNITY_SECRETARY)) || c.bindings().stream().anyMatch(
                b -> b.role() == Role.LEADER && b.node().length() > 12 && b.covers(h.unit()));
    }

    @Override
    public void routes(Routes routes) {
        NodeResolver household = r -> r.pathId("household").flatMap(households::household).map(h -> List.of(h.unit()))
                .orElse(List.of());
        routes.get("/care/plans", Access.within(CARERS).filteredBy("community", "unit").personalData(),
                r -> care.plans(r.scopes(), r.query("community").orElse(null), r.query("unit").orElse(null),
                        h -> caresFor(r.caller(), h), r.query("overdue").map(Boolean::parseBoolean).orElse(false)))
                .get("/care/overdue", Access.within(EvaluationResource.ORGANISERS).filteredBy("street", "community"),
                        r -> care.overdue(r.scopes(), ReportResource.code(r, "street", 9),
                                ReportResource.code(r, "community", 12)))
                .post("/households/{household}/visits", Access.node(household, CARERS), r -> {
                    Household h = cared(r);
                    VisitBody b = r.body(VisitBody.class);
                    CareService.Visit v = care.record(h, r.caller().username(), b.visitedOn(),
                            b.note());
                    r.auditDetail("visit " + v.id());
                    return ApiResponse.created(v);
                })
                .get("/households/{household}/visits", Access.node(household, CARERS).personalData(),
                        r -> care.visits(cared(r).id()));
    }

    /** The household, if the caller cares for it; otherwise 404 like any object out of reach. */
    private Household cared(ApiRequest r) throws ApiException {
        Household h = r.pathId("household").flatMap(households::household).orElseThrow(
                () -> new ApiException(404, "not-found", "未找到 / not found"));
        if (!caresFor(r.caller(), h)) {
            throw new ApiException(404, "not-found", "未找到 / not found");
        }
        return h;
    }

}
