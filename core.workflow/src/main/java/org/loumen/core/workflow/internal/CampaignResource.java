package org.loumen.core.workflow.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.loumen.core.model.DivisionCodes;
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
 * Publicity campaigns over HTTP: the district and street admins run them; leaders record activities in their units
 * (with up to three photos); staff see the activities and the totals within their part of the tree.
 */
@Component(service = ApiResource.class)
public final class CampaignResource implements ApiResource {

    record CampaignBody(String node, String theme, LocalDate startsOn, LocalDate endsOn, List<String> materials) {
    }

    record ActivityBody(LocalDate day, String place, String venue, Integer households, String note) {
    }

    private final CampaignService campaigns;

    @Activate
    public CampaignResource(@Reference CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public void routes(Routes routes) {
        NodeResolver place = r -> r.pathId("activity").flatMap(campaigns::placeOf).map(List::of).orElse(List.of());
        routes.post("/campaigns", Access.within(ProjectResource.STREET), r -> {
            CampaignBody b = r.body(CampaignBody.class);
            if (!DivisionCodes.hasDistrictForm(b.node()) && !DivisionCodes.hasStreetForm(b.node())) {
                throw ApiException.invalidField("node", "须为区（6 位）或街道（9 位）代码 / node must be the district's "
                        + "or a street's code");
            }
            if (!r.inScope(b.node())) {
                throw Civic.notFound();
            }
            CampaignService.View v = campaigns.create(b.node(), b.theme(), b.startsOn(), b.endsOn(), b.materials(),
                    r.caller().username());
            r.auditDetail("campaign " + v.id());
            return ApiResponse.created(v);
        })
                .get("/campaigns", Access.within(EvaluationResource.ORGANISERS).filteredBy("street"),
                        r -> campaigns.list(r.scopes(), ReportResource.code(r, "street", 9)))
                .get("/campaigns/{campaign}/totals", Access.within(EvaluationResource.ORGANISERS),
                        r -> campaigns.totals(visible(r).id(), r.scopes()))
                .get("/campaigns/{campaign}/activities", Access.within(EvaluationResource.ORGANISERS).personalData(),
                        r -> campaigns.activities(visible(r).id(), r.scopes()))
                .get("/me/campaigns", Access.within(Role.LEADER), r -> campaigns.list(Me.places(r.caller()), null))
                .post("/me/campaigns/{campaign}/activities", Access.within(Role.LEADER), r -> {
                    ActivityBody b = r.body(ActivityBody.class);
                    CampaignService.Activity a = campaigns.record(r.pathId("campaign").orElseThrow(Civic::notFound),
                            r.caller().username(), Me.leaderId(r.caller()).orElse(null), Me.places(r.caller()),
                            b.day(), b.place(), b.venue(), b.households(), b.note());
                    r.auditDetail("publicity " + a.id() + " in campaign " + a.campaign());
                    return ApiResponse.created(a);
                })
                .get("/me/publicity", Access.within(Role.LEADER), r -> campaigns.mine(r.caller().username()))
                .post("/me/publicity/{activity}/photos", Access.within(Role.LEADER), r -> {
                    long activity = r.pathId("activity").orElseThrow(Civic::notFound);
                    if (!campaigns.authorOf(activity).map(r.caller().username()::equals).orElse(false)) {
                        throw Civic.notFound();
                    }
                    return ApiResponse.created(java.util.Map.of("n", photo(r, activity)));
                })
                .get("/publicity/{activity}/photos/{n}", Access.node(place, Role.DISTRICT_ADMIN, Role.STREET_ADMIN,
                        Role.COMMUNITY_SECRETARY, Role.LEADER).personalData(), r -> {
                            long activity = r.pathId("activity").orElseThrow();
                            int n = r.pathId("n").filter(x -> x >= 1 && x <= CampaignService.MAX_PHOTOS)
                                    .map(Long::intValue).orElseThrow(Civic::notFound);
                            PhotoService.Stored p = campaigns.photo(activity, n).orElseThrow(Civic::notFound);
                            return ApiResponse.file(p.contentType(), "publicity-" + activity + "-" + n
                                    + (p.contentType().equals("image/png") ? ".png" : ".jpg"), p.image());
                        });
    }

    /** The campaign of the path if it concerns the caller's scopes; else 404 like a missing one. */
    private CampaignService.View visible(ApiRequest r) throws Refusal {
        CampaignService.View v = r.pathId("campaign").flatMap(campaigns::campaign).orElseThrow(Civic::notFound);
        if (r.scopes().stream().noneMatch(s -> CampaignService.related(v.node(), s))) {
            throw Civic.notFound();
        }
        return v;
    }

    private int photo(ApiRequest r, long activity) throws ApiException, Refusal {
        String type = r.header("Content-Type").map(t -> t.split(";")[0].strip().toLowerCase(Locale.ROOT)).orElse("");
        if (!type.equals("image/jpeg") && !type.equals("image/png")) {
            throw PhotoService.unsupported();
        }
        byte[] body;
        try {
            body = r.bytes();
        } catch (ApiException e) {
            if (e.status() == 413) {
                throw PhotoService.tooLarge();
            }
            throw e;
        }
        if (body.length > PhotoService.MAX_BYTES) {
            throw PhotoService.tooLarge();
        }
        Photos.Type t = Photos.sniff(body);
        if (t == null || !t.contentType.equals(type)) {
            throw PhotoService.unsupported();
        }
        byte[] clean = PhotoService.clean(t, body);
        int n = campaigns.addPhoto(activity, t.contentType, clean);
        r.auditDetail("publicity " + activity + " photo " + n);
        return n;
    }
}
