package org.loumen.core.model.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.loumen.core.model.DivisionCodes;
import org.loumen.core.model.Assignment;
import org.loumen.core.model.Building;
import org.loumen.core.model.Community;
import org.loumen.core.model.Leader;
import org.loumen.core.model.LeaderRole;
import org.loumen.core.model.LeaderService;
import org.loumen.core.model.ModelException;
import org.loumen.core.model.OrganisationService;
import org.loumen.core.model.Street;
import org.loumen.core.model.Unit;
import org.loumen.web.Access;
import org.loumen.web.ApiException;
import org.loumen.web.ApiResource;
import org.loumen.web.Routes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The public page of a unit (楼门公示), reached from the QR code on the unit door: where it is and who serves it, the
 * unit's leaders and its building's leaders in service. Names, roles and work IDs are public by design (公示); a phone
 * number is shown in full only with the leader's consent, masked otherwise.
 */
@Component(service = ApiResource.class)
public final class PublicUnitResource implements ApiResource {

    private final LeaderService leaders;
    private final OrganisationService organisation;

    @Activate
    public PublicUnitResource(@Reference LeaderService leaders, @Reference OrganisationService organisation) {
        this.leaders = leaders;
        this.organisation = organisation;
    }

    @Override
    public void routes(Routes routes) {
        routes.get("/public/units/{unit}", Access.publicRoute(), r -> page(r.pathParam("unit")));
    }

    Map<String, Object> page(String code) throws ApiException {
        if (!DivisionCodes.hasUnitForm(code)) {
            throw ApiException.invalidField("unit", "楼门代码格式不对，请核对二维码 / malformed unit code (e.g. "
                    + "120112103001B001U01)");
        }
        String buildingCode = code.substring(0, 16);
        Optional<Community> community = organisation.community(code.substring(0, 12));
        Building building = null;
        Unit unit = null;
        if (community.isPresent()) {
            try {
                building = organisation.buildings(community.get().code()).stream()
                        .filter(b -> b.code().equals(buildingCode)).findFirst().orElse(null);
            } catch (ModelException e) {
                building = null;
            }
            unit = building == null ? null : building.units().stream().filter(u -> u.code().equals(code))
                    .findFirst().orElse(null);
        }
        if (unit == null) {
            throw new ApiException(404, "not-found", "未找到此楼门，请核对二维码 / no such unit", "unit");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", unit.code());
        m.put("label", unit.label());
        m.put("building", building.code());
        m.put("buildingLabel", building.label());
        m.put("community", community.get().code());
        m.put("communityName", community.get().name());
        m.put("street", community.get().street());
        m.put("streetName", organisation.street(community.get().street()).map(Street::name).orElse(null));
        m.put("leaders", serving(code, buildingCode));
        return m;
    }

    /** The unit's leaders first, then the building's, each with the role they hold here. */
    private List<Map<String, Object>> serving(String unit, String building) {
        LocalDate today = LocalDate.now(Days.CHINA);
        List<Map<String, Object>> unitLeaders = new ArrayList<>();
        List<Map<String, Object>> buildingLeaders = new ArrayList<>();
        for (Leader l : leaders.serving(unit, today)) {
            for (Assignment a : l.assignments()) {
                boolean here = a.activeOn(today) && (a.role() == LeaderRole.UNIT_LEADER ? unit.equals(a.unit())
                        : building.equals(a.building()));
                if (!here) {
                    continue;
                }
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("name", l.name());
                p.put("role", a.role());
                p.put("roleLabel", a.role().zh());
                p.put("workId", l.workId());
                p.put("phone", l.publicPhone());
                p.put("phonePublic", l.phoneConsent() != null);
                (a.role() == LeaderRole.UNIT_LEADER ? unitLeaders : buildingLeaders).add(p);
                break;
            }
        }
        unitLeaders.addAll(buildingLeaders);
        return unitLeaders;
    }
}
