package org.loumen.core.workflow.internal;

import java.util.Optional;

import org.loumen.core.model.DivisionCodes;
import org.loumen.core.model.Building;
import org.loumen.core.model.Community;
import org.loumen.core.model.ModelException;
import org.loumen.core.model.OrganisationService;
import org.loumen.core.model.Street;
import org.loumen.core.model.Unit;

/**
 * A place of the organisation tree (a community, building or unit code) with the names people read: 港湾家园 2号楼1单元.
 *
 * @param buildingLabel e.g. 2号楼; {@code null} for a community
 * @param unitLabel     e.g. 1单元; {@code null} for a building or community
 * @param label         what a person reads for the place: 2号楼1单元, 2号楼 or the community's name
 */
record Places(String code, String community, String communityName, String street, String streetName,
        String building, String buildingLabel, String unitLabel, String label) {

    static final String UNIT_CODE = DivisionCodes.UNIT_FORM;
    static final String PLACE_CODE = DivisionCodes.PLACE_FORM;

    /** The place of a code, or empty when the code is malformed or names nothing. */
    static Optional<Places> of(OrganisationService organisation, String code) {
        if (code == null || !code.matches(PLACE_CODE)) {
            return Optional.empty();
        }
        String communityCode = code.substring(0, 12);
        Optional<Community> community = organisation.community(communityCode);
        if (community.isEmpty()) {
            return Optional.empty();
        }
        String streetName = organisation.street(community.get().street()).map(Street::name).orElse(null);
        String name = community.get().name();
        if (code.length() == 12) {
            return Optional.of(new Places(code, communityCode, name, community.get().street(), streetName, null, null,
                    null, name));
        }
        try {
            for (Building b : organisation.buildings(communityCode)) {
                if (!b.code().equals(code.substring(0, 16))) {
                    continue;
                }
                if (code.length() == 16) {
                    return Optional.of(new Places(code, communityCode, name, community.get().street(), streetName,
                            b.code(), b.label(), null, b.label()));
                }
                for (Unit u : b.units()) {
                    if (u.code().equals(code)) {
                        return Optional.of(new Places(code, communityCode, name, community.get().street(),
                                streetName, b.code(), b.label(), u.label(), b.label() + u.label()));
                    }
                }
            }
        } catch (ModelException e) {
            // the community went away meanwhile: no such place
        }
        return Optional.empty();
    }
}
