package org.loumen.core.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.loumen.core.model.Assignment;
import org.loumen.core.model.Education;
import org.loumen.core.model.Gender;
import org.loumen.core.model.Leader;
import org.loumen.core.model.LeaderRole;
import org.loumen.core.model.LeaderStatus;
import org.loumen.core.model.Nomination;
import org.loumen.security.Role;
import org.loumen.security.RoleBinding;

/** The rules of leaders' accounts: generated first passwords, derived roles, usernames and the places line. */
class LeaderAccountRulesTest {

    private static final String C = "120112103001";
    private static final LocalDate DAY = LocalDate.of(2026, 5, 1);

    private static Leader leader(LeaderStatus status, Assignment... assignments) {
        return new Leader(7, "白晓梅", Gender.FEMALE, LocalDate.of(1970, 1, 1), Education.JUNIOR_COLLEGE, false,
                "13900000005", Nomination.SELF, false, status, "120112103", C, "GW-001", List.of(assignments), 1);
    }

    private static Assignment unit(String b, String u, LocalDate start, LocalDate end) {
        return new Assignment(LeaderRole.UNIT_LEADER, C + b, Integer.parseInt(b.substring(1)) + "号楼", C + b + u,
                Integer.parseInt(u.substring(1)) + "单元", start, end);
    }

    private static Assignment building(String b, LocalDate start, LocalDate end) {
        return new Assignment(LeaderRole.BUILDING_LEADER, C + b, Integer.parseInt(b.substring(1)) + "号楼", null, null,
                start, end);
    }

    @Test
    void readablePasswordsMeetThePolicyAndDiffer() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            String pw = PasswordPolicy.generateReadable();
            assertTrue(pw.matches("[a-km-np-zA-HJ-NP-Z2-9]{4}-[a-km-np-zA-HJ-NP-Z2-9]{4}-[a-km-np-zA-HJ-NP-Z2-9]{4}"),
                    pw);
            assertTrue(PasswordPolicy.problem("13900000005", pw).isEmpty(), pw);
            assertTrue(pw.chars().anyMatch(Character::isLowerCase) && pw.chars().anyMatch(Character::isUpperCase)
                    && pw.chars().anyMatch(Character::isDigit), pw);
            seen.add(pw);
        }
        assertEquals(500, seen.size(), "no repeats among 500");
    }

    @Test
    void aUnitLeaderHoldsLeaderAtTheUnitsInForce() {
        Leader l = leader(LeaderStatus.IN_SERVICE, unit("B002", "U02", null, null),
                unit("B001", "U01", LocalDate.of(2020, 1, 1), LocalDate.of(2025, 1, 1)),
                unit("B003", "U01", DAY.plusDays(1), null));
        assertEquals(List.of(new RoleBinding(Role.LEADER, C + "B002U02")), LeaderBindings.of(l, DAY),
                "ended and future assignments give nothing");
    }

    @Test
    void aBuildingLeaderHoldsTheBuildingWhichCoversItsUnits() {
        Leader l = leader(LeaderStatus.IN_SERVICE, building("B001", null, null), unit("B001", "U02", null, null),
                unit("B002", "U01", null, null));
        assertEquals(List.of(new RoleBinding(Role.LEADER, C + "B001"), new RoleBinding(Role.LEADER, C + "B002U01")),
                LeaderBindings.of(l, DAY));
    }

    @Test
    void nobodyOutOfServiceHoldsAnything() {
        for (LeaderStatus s : LeaderStatus.values()) {
            Leader l = leader(s, unit("B001", "U01", null, null));
            assertEquals(s == LeaderStatus.IN_SERVICE, LeaderBindings.inService(l), s.name());
            assertEquals(s == LeaderStatus.IN_SERVICE ? 1 : 0, LeaderBindings.of(l, DAY).size(), s.name());
        }
        assertFalse(LeaderBindings.inService(null), "a leader no longer recorded");
        assertEquals(new RoleBinding(Role.LEADER, C), LeaderBindings.managedAt(leader(LeaderStatus.RETIRED)),
                "managed at the community whatever the status");
    }

    @Test
    void usernamesFromPhonesAndWorkIds() {
        assertEquals("13900000005", LeaderAccounts.username("13900000005"));
        assertEquals("gw-2022.001", LeaderAccounts.username(" GW-2022.001 "));
        assertNull(LeaderAccounts.username("工作证001"), "not a sign-in name");
        assertNull(LeaderAccounts.username("ab"), "too short");
        assertNull(LeaderAccounts.username(null));
        assertNotEquals(AccountAdministration.USERNAME.matcher("13900000005").matches(),
                IdentityService.SIGN_IN_NAME.matcher("13900000005").matches(),
                "staff usernames still begin with a letter; leaders sign in with their number");
    }

    @Test
    void placesAsPeopleWriteThem() {
        Leader l = leader(LeaderStatus.IN_SERVICE, unit("B001", "U02", null, null), building("B003", null, null),
                unit("B002", "U01", null, LocalDate.of(2020, 1, 1)));
        assertEquals("1号楼2单元楼门长；3号楼栋长", LeaderAccounts.places(l));
    }
}
