package org.loumen.core.model.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.loumen.core.model.DivisionCodes;

/** The reference tree and the demo data shipped in the bundle are well-formed and consistent. */
class ShippedDataTest {

    @Test
    void referenceTreeIsJinnanWithValidCodes() {
        List<String[]> rows = Tsv.read(CoreStore.REFERENCE_DATA, 4);
        Set<String> streets = new HashSet<>();
        int districts = 0;
        for (String[] r : rows) {
            switch (r[1]) {
                case "DISTRICT" -> {
                    districts++;
                    assertEquals("120112", r[0]);
                    assertEquals("津南区", r[2]);
                }
                case "STREET" -> {
                    assertTrue(DivisionCodes.isStreetCode(r[0]), r[0]);
                    assertEquals("120112", DivisionCodes.districtOf(r[0]));
                    assertTrue(streets.add(r[0]), "duplicate " + r[0]);
                }
                case "COMMUNITY" -> {
                    assertTrue(DivisionCodes.isCommunityCode(r[0]), r[0]);
                    assertTrue(streets.contains(DivisionCodes.streetOf(r[0])), "street listed before " + r[0]);
                }
                default -> throw new AssertionError("unknown level " + r[1]);
            }
            assertTrue(!r[2].isBlank() && !r[3].isBlank(), String.join("|", r));
        }
        assertEquals(1, districts);
        // DOMAIN.md: 11 subdistricts and towns, plus 403 长青办事处, 404/405 开发区, 501 农业园区
        assertEquals(15, streets.size());
        assertTrue(streets.contains("120112103"));
    }

    @Test
    void demoCommunitiesHangUnderShippedStreetsAndSayTheyAreDemo() {
        Set<String> streets = new HashSet<>();
        for (String[] r : Tsv.read(CoreStore.REFERENCE_DATA, 4)) {
            if (r[1].equals("STREET")) {
                streets.add(r[0]);
            }
        }
        Set<String> codes = new HashSet<>();
        for (String[] r : Tsv.read(DemoData.COMMUNITIES, 2)) {
            assertTrue(DivisionCodes.isCommunityCode(r[0]), r[0]);
            assertTrue(streets.contains(DivisionCodes.streetOf(r[0])), r[0]);
            assertTrue(codes.add(r[0]), "duplicate " + r[0]);
            assertTrue(r[1].contains("演示"), "demo names are marked 演示: " + r[1]);
        }
    }
}
