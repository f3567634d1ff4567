package org.loumen.core.model.internal;

import org.loumen.core.model.ModelException;
import org.loumen.core.model.OrganisationService;
import org.loumen.web.ApiException;
import org.loumen.web.ApiResource;
import org.loumen.web.Routes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Read routes of the organisation tree. Street and community names and codes are public administrative data;
 * writes come with identity and access, which scopes them to the caller's place in the tree.
 */
@Component(service = ApiResource.class)
public final class OrganisationResource implements ApiResource {

    private final OrganisationService organisation;

    @Activate
    public OrganisationResource(@Reference OrganisationService organisation) {
        this.organisation = organisation;
    }

    @Override
    public void routes(Routes routes) {
        routes.get("/district", r -> organisation.district())
                .get("/streets", r -> organisation.streets())
                .get("/streets/{street}", r -> organisation.street(r.pathParam("street"))
                        .orElseThrow(() -> ApiException.notFound("街道", "street", r.pathParam("street"))))
                .get("/streets/{street}/communities", r -> {
                    try {
                        return organisation.communities(r.pathParam("street"));
                    } catch (ModelException e) {
                        throw toApi(e);
                    }
                })
                .get("/communities/{community}", r -> organisation.community(r.pathParam("community"))
                        .orElseThrow(() -> ApiException.notFound("社区", "community", r.pathParam("community"))));
    }

    /** Maps a refused model operation to its HTTP answer. */
    static ApiException toApi(ModelException e) {
        return switch (e.reason()) {
            case INVALID -> ApiException.invalidField(e.field(), e.getMessage());
            case NOT_FOUND -> new ApiException(404, "not-found", e.getMessage(), e.field());
            case CONFLICT -> new ApiException(409, "conflict", e.getMessage(), e.field());
            case STALE -> new ApiException(409, "stale-version", e.getMessage(), e.field());
        };
    }
}
