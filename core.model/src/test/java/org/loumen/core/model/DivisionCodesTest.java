package org.loumen.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DivisionCodesTest {

    @Test
    void streetKindFollowsTheTownshipSegment() {
        assertEquals(StreetKind.SUBDISTRICT, DivisionCodes.streetKind("120112001"));
        assertEquals(StreetKind.SUBDISTRICT, DivisionCodes.streetKind("120112099"));
        assertEquals(StreetKind.TOWN, DivisionCodes.streetKind("120112100"));
        assertEquals(StreetKind.TOWN, DivisionCodes.streetKind("120112199"));
        assertEquals(StreetKind.TOWNSHIP, DivisionCodes.streetKind("120112200"));
        assertEquals(StreetKind.OTHER, DivisionCodes.streetKind("120112403"));
        assertEquals(StreetKind.OTHER, DivisionCodes.streetKind("120112599"));
        assertThrows(IllegalArgumentException.class, () -> DivisionCodes.streetKind("120112600"));
    }

    @Test
    void codesHaveExactLengthDigitsAndNonZeroSegments() {
        assertTrue(DivisionCodes.isDistrictCode("120112"));
        assertTrue(DivisionCodes.isStreetCode("120112103"));
        assertFalse(DivisionCodes.isStreetCode("120112000"));
        assertFalse(DivisionCodes.isStreetCode("12011210"));
        assertFalse(DivisionCodes.isStreetCode("12011210a"));
        assertFalse(DivisionCodes.isStreetCode(null));
        assertTrue(DivisionCodes.isCommunityCode("120112107210"));
        assertFalse(DivisionCodes.isCommunityCode("120112107000"));
        assertFalse(DivisionCodes.isCommunityCode("120112000210"));
        assertFalse(DivisionCodes.isCommunityCode("１２０１１２１０７２１０")); // full-width digits are not digits here
    }

    @Test
    void parentsAreTheCodePrefixes() {
        assertEquals("120112107", DivisionCodes.streetOf("120112107210"));
        assertEquals("120112", DivisionCodes.districtOf("120112107"));
        assertThrows(IllegalArgumentException.class, () -> DivisionCodes.streetOf("120112107"));
    }

    @Test
    void villagesAreTheTwoHundreds() {
        assertEquals(CommunityKind.VILLAGE, DivisionCodes.communityKind("120112107210"));
        assertEquals(CommunityKind.COMMUNITY, DivisionCodes.communityKind("120112103001"));
    }

    @Test
    void formsAreCheckedWithoutLookingUp() {
        assertTrue(DivisionCodes.hasDistrictForm("120112"));
        assertTrue(DivisionCodes.hasStreetForm("120112000"), "a form, not an existing street");
        assertFalse(DivisionCodes.hasStreetForm("12011210x"));
        assertFalse(DivisionCodes.hasStreetForm(null));
        assertTrue(DivisionCodes.hasCommunityForm("120112103001"));
        assertFalse(DivisionCodes.hasCommunityForm("１２０１１２１０３００１"), "ASCII digits only, as \\d");
        assertTrue(DivisionCodes.hasBuildingForm("120112103001B003"));
        assertFalse(DivisionCodes.hasBuildingForm("120112103001B003U01"));
        assertTrue(DivisionCodes.hasUnitForm("120112103001B003U01"));
        assertFalse(DivisionCodes.hasUnitForm("120112103001B03U01"));
        assertTrue(DivisionCodes.hasBuildingOrUnitForm("120112103001B003"));
        assertTrue(DivisionCodes.hasBuildingOrUnitForm("120112103001B003U01"));
        assertFalse(DivisionCodes.hasBuildingOrUnitForm("120112103001"));
        for (String place : new String[] { "120112103001", "120112103001B003", "120112103001B003U01" }) {
            assertTrue(DivisionCodes.hasPlaceForm(place), place);
            assertTrue(place.matches(DivisionCodes.PLACE_FORM), place);
        }
        assertFalse(DivisionCodes.hasPlaceForm("120112103"));
        assertFalse(DivisionCodes.hasUnitForm(null));
    }
}
