package org.loumen.core.model.internal;

import java.util.List;
import java.util.Set;

import org.loumen.core.model.DivisionCodes;
import org.loumen.core.model.Household;
import org.loumen.core.model.HouseholdDraft;
import org.loumen.core.model.HouseholdService;
import org.loumen.core.model.ImportException;
import org.loumen.core.model.Labelled;
import org.loumen.core.model.Page;
import org.loumen.core.model.SpecialGroup;
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
 * Households (住户). Their special-group tags (独居老人, 低保 ...) go only to those who care for them: the community
 * secretary of the household's community, who organises the care visits, and a leader bound to the household's
 * building or unit, who makes them. District and street admins see the households without tags.
 */
@Component(service = ApiResource.class)
public final class HouseholdResource implements ApiResource {

    /** Staff, and leaders for the households of the places they are bound to. */
    static final Role[] READERS = { Role.DISTRICT_ADMIN, Role.STREET_ADMIN, Role.COMMUNITY_SECRETARY, Role.LEADER };

    record Body(String room, String headName, Integer members, String phone, Set<SpecialGroup> specialGroups,
            String unit, Long version) {
    }

    private final HouseholdService households;

    @Activate
    public HouseholdResource(@Reference HouseholdService households) {
        this.households = households;
    }

    @Override
    public void routes(Routes routes) {
        NodeResolver householdNode = r -> r.pathId("household").flatMap(households::household)
                .map(h -> List.of(h.unit())).orElse(List.of());
        routes.get("/households", Access.within(READERS).filteredBy("community", "building", "unit").personalData(),
                r -> {
                    SpecialGroup group = null;
                    if (r.query("group").isPresent()) {
                        group = Labelled.parse(SpecialGroup.class, r.query("group").get()).orElseThrow(
                                () -> new ApiException(400, "invalid-parameter", "未知类别 / unknown group", "group"));
                        if (!r.caller().holdsAny(Set.of(Role.COMMUNITY_SECRETARY, Role.LEADER))) {
                            throw new ApiException(403, "forbidden", "无权按特殊群体筛选 / you may not filter by "
                                    + "special group", "group");
                        }
                    }
                    String building = r.query("building").orElse(null);
                    if (building != null && !DivisionCodes.hasBuildingForm(building)) {
                        throw new ApiException(400, "invalid-parameter", "building 须为楼栋代码（如 120112103001B001） "
                                + "/ building must be a building code such as 120112103001B001", "building");
                    }
                    // the access rule checked the caller covers the building: narrowing the scopes to it filters
                    Set<String> scopes = building == null ? r.scopes() : Set.of(building);
                    String community = LeaderResource.code(r, "community", 12);
                    String unit = r.query("unit").orElse(null);
                    int size = r.queryInt("size", 50, 1, 200);
                    // after=<the previous page's next>: read from the index at the key, however deep (page ignored)
                    String after = r.query("after").filter(a -> !a.isBlank()).orElse(null);
                    Page<Household> page = after != null
                            ? households.findAfter(scopes, community, unit, group, after, size)
                            : households.find(scopes, community, unit, group, r.queryInt("page", 1, 1, 1_000_000),
                                    size);
                    return page.withItems(page.items().stream().map(h -> visible(r, h)).toList());
                })
                .get("/households/{household}", Access.node(householdNode, READERS).personalData(),
                        r -> visible(r, households.household(r.pathId("household").orElseThrow())
                                .orElseThrow(() -> ApiException.notFound("住户", "household", r.pathParam("household")))))
                .post("/units/{unit}/households", Access.node("unit", LeaderResource.STAFF), r -> {
                    Body b = r.body(Body.class);
                    Household h = households.create(new HouseholdDraft(
                            r.pathParam("unit"), b.room(), b.headName(), b.members(), b.phone(), b.specialGroups()));
                    r.auditDetail("household " + h.id());
                    return ApiResponse.created(visible(r, h));
                })
                .put("/households/{household}", Access.node(householdNode, LeaderResource.STAFF), r -> {
                    Body b = r.body(Body.class);
                    if (b.version() == null) {
                        throw ApiException.invalidField("version", "缺少版本号 version（乐观锁） / version is required");
                    }
                    if (b.unit() != null && !r.inScope(b.unit())) {
                        throw ApiException.invalidField("unit", "不在您的管辖范围 / outside your scope");
                    }
                    return visible(r, households.update(
                            r.pathId("household").orElseThrow(), new HouseholdDraft(b.unit(), b.room(),
                                    b.headName(), b.members(), b.phone(), b.specialGroups()), b.version()));
                })
                .post("/imports/households", Access.within(LeaderResource.IMPORTERS), r -> {
                    byte[] csv = LeaderResource.csv(r);
                    try {
                        var result = households.importHouseholds(csv, r.scopes());
                        r.auditDetail("imported " + result.imported() + " households");
                        return result;
                    } catch (ImportException e) {
                        r.auditDetail("refused: " + e.problems().size() + " bad rows");
                        throw LeaderResource.invalidCsv(e);
                    }
                });
    }

    /** Tags only for a role that needs them, at the household's place. */
    private static Household visible(ApiRequest r, Household h) {
        boolean secretary = r.caller().covers(h.community(), Set.of(Role.COMMUNITY_SECRETARY));
        // a leader bound to a whole community is not given every household's tags, only one bound to the building
        boolean leader = r.caller().bindings().stream().anyMatch(b -> b.role() == Role.LEADER
                && b.node().length() > 12 && b.covers(h.unit()));
        return secretary || leader ? h : h.withoutTags();
    }
}
