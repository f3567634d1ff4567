package org.loumen.core.model.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.loumen.core.model.Assignment;
import org.loumen.core.model.Community;
import org.loumen.core.model.Leader;
import org.loumen.core.model.LeaderService;
import org.loumen.core.model.OrganisationService;
import org.loumen.core.model.Street;
import org.loumen.web.Access;
import org.loumen.web.ApiException;
import org.loumen.web.ApiRequest;
import org.loumen.web.ApiResource;
import org.loumen.web.Routes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A leader's own record (我的信息), for an account linked to a leader ({@code Caller.leaderId}): {@code GET /me/leader}
 * and the leader's own phone consent {@code PUT /me/phone-consent}. Any other account gets 404
 * {@code not-a-leader-account}.
 */
@Component(service = ApiResource.class)
public final class MyLeaderResource implements ApiResource {

    private final LeaderService leaders;
    private final OrganisationService organisation;

    @Activate
    public MyLeaderResource(@Reference LeaderService leaders, @Reference OrganisationService organisation) {
        this.leaders = leaders;
        this.organisation = organisation;
    }

    @Override
    public void routes(Routes routes) {
        routes.get("/me/leader", Access.signedIn(), r -> view(leaders.leader(leaderId(r))
                .orElseThrow(MyLeaderResource::notALeader)))
                .put("/me/phone-consent", Access.signedIn(), r -> LeaderResource.consent(leaders, r, leaderId(r)));
    }

    private static long leaderId(ApiRequest r) throws ApiException {
        Long id = r.caller().leaderId();
        if (id == null) {
            throw notALeader();
        }
        return id;
    }

    private static ApiException notALeader() {
        return new ApiException(404, "not-a-leader-account", "此账号不是楼门栋长账号 / this account is not a leader's");
    }

    private Map<String, Object> view(Leader l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", l.id());
        m.put("name", l.name());
        m.put("phone", l.phone());
        m.put("workId", l.workId());
        m.put("status", l.status());
        m.put("statusLabel", l.status().zh());
        m.put("liaison", l.liaison());
        m.put("street", l.street());
        m.put("streetName", organisation.street(l.street()).map(Street::name).orElse(null));
        m.put("community", l.community());
        m.put("communityName", organisation.community(l.community()).map(Community::name).orElse(null));
        m.put("phoneConsent", l.phoneConsent());
        m.put("places", places(l, LocalDate.now(Days.CHINA)));
        return m;
    }

    /** The assignments in force today, as the contract names them. */
    static List<Map<String, Object>> places(Leader l, LocalDate today) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Assignment a : l.assignments()) {
            if (!a.activeOn(today)) {
                continue;
            }
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("role", a.role());
            p.put("roleLabel", a.role().zh());
            p.put("building", a.building());
            p.put("buildingLabel", a.buildingLabel());
            p.put("unit", a.unit());
            p.put("unitLabel", a.unitLabel());
            out.add(p);
        }
        return out;
    }
}
