package org.loumen.core.model.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.loumen.core.model.Assignment;
import org.loumen.core.model.LeaderRole;
import org.loumen.core.model.PublicLeader;

class LeaderDirectoryTest {

    private static final Assignment UNIT = new Assignment(LeaderRole.UNIT_LEADER, "120112103001B001", "1号楼",
            "120112103001B001U02", "2单元", null, null);

    @Test
    void thePhoneIsMaskedWithoutConsent() {
        PublicLeader p = LeaderDirectory.entry(Leaders.zhang(), UNIT);
        assertEquals(new PublicLeader("张秀兰", "楼门长", "1号楼", "2单元", "JN-0042", "138****1234", false), p);
        assertFalse(p.phonePublic());
    }

    @Test
    void thePhoneIsShownInFullOnlyWithConsent() {
        LeaderEntity l = Leaders.zhang();
        l.phoneConsentAt = 1L;
        PublicLeader p = LeaderDirectory.entry(l, UNIT);
        assertEquals("13812341234", p.phone());
        assertTrue(p.phonePublic());
    }

    @Test
    void entriesGoByBuildingWithTheBuildingsOwnLeaderBeforeItsUnits() {
        PublicLeader unit2 = new PublicLeader("甲", "楼门长", "1号楼", "2单元", null, "x");
        PublicLeader unit1 = new PublicLeader("乙", "楼门长", "1号楼", "1单元", null, "x");
        PublicLeader building = new PublicLeader("丙", "栋长", "1号楼", null, null, "x");
        PublicLeader other = new PublicLeader("丁", "栋长", "2号楼", null, null, "x");
        PublicLeader unlabelled = new PublicLeader("戊", "栋长", null, null, null, "x");
        List<PublicLeader> list = new ArrayList<>(List.of(unlabelled, other, unit2, building, unit1));
        list.sort(LeaderDirectory.ORDER);
        assertEquals(List.of(building, unit1, unit2, other, unlabelled), list);
    }
}
