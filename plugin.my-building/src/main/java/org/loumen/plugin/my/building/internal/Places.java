package org.loumen.plugin.my.building.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.loumen.core.model.DivisionCodes;
import org.loumen.core.model.Building;
import org.loumen.core.model.Community;
import org.loumen.core.model.ModelException;
import org.loumen.core.model.OrganisationService;
import org.loumen.core.model.Unit;
import org.loumen.programme.ProgrammeRequest;
import org.loumen.web.ApiException;

/** The organisation tree as the programme needs it: units, their labels, the communities of a street. */
final class Places {

    /** A unit with the names people read. */
    record UnitInfo(String code, String label, String building, String buildingLabel, String community,
            String communityName) {
        String fullLabel() {
            return buildingLabel + label;
        }
    }

    private final OrganisationService organisation;

    Places(OrganisationService organisation) {
        this.organisation = organisation;
    }

    /** A unit code from the client, checked like every place (in the street, in the caller's part of it). */
    String unit(ProgrammeRequest r, String field, String code) throws ApiException {
        if (!DivisionCodes.hasUnitForm(code)) {
            throw ApiException.invalidField(field, "须为楼门代码，如 120112103001B002U02 / " + field + " must be a unit "
                    + "code such as 120112103001B002U02");
        }
        return r.place(field, code);
    }

    Optional<UnitInfo> info(String unit) {
        if (!DivisionCodes.hasUnitForm(unit)) {
            return Optional.empty();
        }
        return units(unit.substring(0, 12)).stream().filter(u -> u.code().equals(unit)).findFirst();
    }

    /** The units of a community, in the order of the tree. */
    List<UnitInfo> units(String community) {
        List<UnitInfo> out = new ArrayList<>();
        Optional<Community> c = organisation.community(community);
        if (c.isEmpty()) {
            return out;
        }
        try {
            for (Building b : organisation.buildings(community)) {
                for (Unit u : b.units()) {
                    out.add(new UnitInfo(u.code(), u.label(), b.code(), b.label(), community, c.get().name()));
                }
            }
        } catch (ModelException e) {
            return out;
        }
        return out;
    }

    /** The communities of a street (code and name). */
    List<Community> communities(String street) {
        try {
            return organisation.communities(street);
        } catch (ModelException e) {
            return List.of();
        }
    }

    String communityName(String community) {
        return organisation.community(community).map(Community::name).orElse(community);
    }
}
