package org.loumen.core.model.internal;

import org.loumen.core.model.CommunityKind;
import org.loumen.core.model.NewCommunity;
import org.loumen.core.model.OrganisationService;
import org.loumen.security.Role;
import org.loumen.web.Access;
import org.loumen.web.ApiException;
import org.loumen.web.ApiResource;
import org.loumen.web.ApiResponse;
import org.loumen.web.Routes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Routes of the organisation tree. Street and community names and codes are public administrative data, served
 * without login under {@code /public} (residents look up their community there); everything else is scoped to the
 * caller's place in the tree by the route's {@link Access} rule.
 */
@Component(service = ApiResource.class)
public final class OrganisationResource implements ApiResource {

    private static final Role[] ADMINS = { Role.DISTRICT_ADMIN, Role.STREET_ADMIN };
    private static final Role[] MANAGERS = { Role.DISTRICT_ADMIN, Role.STREET_ADMIN, Role.COMMUNITY_SECRETARY };
    private static final Role[] STAFF = { Role.DISTRICT_ADMIN, Role.STREET_ADMIN, Role.COMMUNITY_SECRETARY,
            Role.LEADER };

    /** The body of a new community: {@code {"code","name"[,"kind"]}}. */
    record CommunityBody(String code, String name, CommunityKind kind) {
    }

    /** The body of a rename: {@code {"name","version"}}. */
    record RenameBody(String name, Long version) {
    }

    /** The body of a rename of a building or unit: {@code {"label","version"}}. */
    record RelabelBody(String label, Long version) {
    }

    /** The body of a new grid: {@code {"name"}}. */
    record GridBody(String name) {
    }

    /** Places a building in a grid: {@code {"grid": code or null}}. */
    record PlaceBody(String grid) {
    }

    /** The body of a new building or unit: {@code {"label"}}. */
    record LabelBody(String label) {
    }

    /** What the public sees of a street or community: codes and names only. */
    record PublicNode(String code, String name, String nameEn, String kind) {
    }

    private final OrganisationService organisation;

    @Activate
    public OrganisationResource(@Reference OrganisationService organisation) {
        this.organisation = organisation;
    }

    @Override
    public void routes(Routes routes) {
        routes.get("/district", Access.publicRoute(), r -> organisation.district())
                .get("/public/streets", Access.publicRoute(), r -> organisation.streets().stream()
                        .map(s -> new PublicNode(s.code(), s.name(), s.nameEn(), s.kind().name())).toList())
                .get("/public/streets/{street}/communities", Access.publicRoute(), r -> organisation
                        .communities(r.pathParam("street")).stream()
                        .map(c -> new PublicNode(c.code(), c.name(), null, c.kind().name())).toList())
                .get("/streets", Access.within(STAFF), r -> organisation.streets().stream()
                        .filter(s -> r.inScope(s.code()) || r.scopes().stream().anyMatch(n -> n.startsWith(s.code())))
                        .toList())
                .get("/streets/{street}", Access.node("street", ADMINS), r -> organisation.street(r.pathParam("street"))
                        .orElseThrow(() -> ApiException.notFound("街道", "street", r.pathParam("street"))))
                .get("/streets/{street}/communities", Access.node("street", ADMINS),
                        r -> organisation.communities(r.pathParam("street")))
                .post("/streets/{street}/communities", Access.node("street", ADMINS), r -> {
                    CommunityBody body = r.body(CommunityBody.class);
                    String street = r.pathParam("street");
                    if (body.code() != null && !body.code().startsWith(street)) {
                        throw ApiException.invalidField("code", "社区代码须以街道代码 " + street
                                + " 开头 / the community code must begin with the street code " + street);
                    }
                    return ApiResponse.created(organisation.addCommunity(
                            new NewCommunity(body.code(), body.name(), body.kind())));
                })
                .get("/communities/{community}", Access.node("community", STAFF),
                        r -> organisation.community(r.pathParam("community"))
                                .orElseThrow(() -> ApiException.notFound("社区", "community", r.pathParam("community"))))
                .get("/communities/{community}/buildings", Access.node("community", STAFF),
                        r -> organisation.buildings(r.pathParam("community")))
                .post("/communities/{community}/buildings", Access.node("community", MANAGERS),
                        r -> {
                            String label = r.body(LabelBody.class).label();
                            return ApiResponse.created(organisation.addBuilding(r.pathParam("community"),
                                    label));
                        })
                .post("/buildings/{building}/units", Access.node("building", MANAGERS),
                        r -> {
                            String label = r.body(LabelBody.class).label();
                            return ApiResponse.created(organisation.addUnit(r.pathParam("building"),
                                    label));
                        })
                .put("/buildings/{building}", Access.node("building", MANAGERS), r -> {
                    RelabelBody body = r.body(RelabelBody.class);
                    if (body.version() == null) {
                        throw ApiException.invalidField("version", "缺少版本号 version（乐观锁） / version is required");
                    }
                    return organisation.renameBuilding(r.pathParam("building"), body.label(),
                            body.version());
                })
                .put("/units/{unit}", Access.node("unit", MANAGERS), r -> {
                    RelabelBody body = r.body(RelabelBody.class);
                    if (body.version() == null) {
                        throw ApiException.invalidField("version", "缺少版本号 version（乐观锁） / version is required");
                    }
                    return organisation.renameUnit(r.pathParam("unit"), body.label(), body.version());
                })
                .get("/communities/{community}/grids", Access.node("community", STAFF),
                        r -> organisation.grids(r.pathParam("community")))
                .post("/communities/{community}/grids", Access.node("community", MANAGERS), r -> {
                    String name = r.body(GridBody.class).name();
                    return ApiResponse.created(organisation.addGrid(r.pathParam("community"), name));
                })
                .put("/buildings/{building}/grid", Access.node("building", MANAGERS), r -> {
                    PlaceBody body = r.body(PlaceBody.class);
                    return organisation.placeInGrid(r.pathParam("building"), body.grid());
                })
                .put("/communities/{community}", Access.node("community", ADMINS), r -> {
                    RenameBody body = r.body(RenameBody.class);
                    if (body.version() == null) {
                        throw ApiException.invalidField("version", "缺少版本号 version（乐观锁） / version is required");
                    }
                    return organisation.renameCommunity(r.pathParam("community"), body.name(),
                            body.version());
                });
    }
}
