package org.loumen.core.workflow.internal;

import java.util.EnumSet;
import java.util.Set;

import org.loumen.security.Role;
import org.loumen.web.Access;
import org.loumen.web.ApiException;
import org.loumen.web.ApiResource;
import org.loumen.web.Routes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** A leader's own views over HTTP ({@code /me/...}), and the printable certificate of an award. */
@Component(service = ApiResource.class)
public final class MeResource implements ApiResource {

    /** Staff who may read awards, and leaders (each only their own award, checked by the handler). */
    static final Role[] CERTIFICATE_READERS = { Role.DISTRICT_ADMIN, Role.STREET_ADMIN, Role.COMMUNITY_SECRETARY,
            Role.LEADER };

    private final LeaderViews views;

    @Activate
    public MeResource(@Reference LeaderViews views) {
        this.views = views;
    }

    @Override
    public void routes(Routes routes) {
        routes.get("/me/meetings", Access.within(Role.LEADER), r -> views.meetings(r.caller()))
                .get("/me/care", Access.within(Role.LEADER).personalData(), r -> views.care(r.caller()))
                .get("/me/evaluations", Access.within(Role.LEADER), r -> views.evaluations(r.caller()))
                .get("/me/awards", Access.within(Role.LEADER), r -> views.awards(r.caller()))
                .get("/awards/{award}/certificate", Access.within(CERTIFICATE_READERS).personalData(), r -> {
                    ApiException notFound = new ApiException(404, "not-found", "未找到 / not found");
                    LeaderViews.AwardOf a = views.award(r.pathParam("award")).orElseThrow(() -> notFound);
                    Set<Role> staff = EnumSet.copyOf(Set.of(EvaluationResource.ORGANISERS));
                    boolean mine = Me.leaderId(r.caller()).filter(id -> id == a.leader()).isPresent();
                    if (!mine && !r.caller().covers(a.community(), staff)) {
                        throw notFound;
                    }
                    return views.certificate(a.certificateNo()).orElseThrow(() -> notFound);
                });
    }
}
