package org.loumen.core.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.BiPredicate;

import org.junit.jupiter.api.Test;
import org.loumen.domain.Refusal;
import org.loumen.security.Caller;
import org.loumen.security.Role;
import org.loumen.security.RoleBinding;
import org.loumen.web.ApiException;

class AccountRulesTest {

    private static final String DISTRICT = "120112";
    private static final String STREET = "120112103";
    private static final String COMMUNITY = "120112103001";
    private static final BiPredicate<Role, String> EVERY_NODE = (role, node) -> true;

    private static Caller holding(Role role, String node) {
        return new Caller("actor", "Actor", List.of(new RoleBinding(role, node)), false);
    }

    @Test
    void usernamesAreStrippedAndChecked() throws Refusal {
        assertEquals("wang.li", AccountRules.username("  wang.li "));
        for (String bad : new String[] { null, "", "ab", "Wang", "1abc", "王丽", "a".repeat(33) }) {
            ApiException e = answer(() -> AccountRules.username(bad));
            assertEquals(400, e.status());
            assertEquals("invalid-field", e.code());
            assertEquals("username", e.field());
        }
    }

    @Test
    void displayNamesAreOneToSixtyCharacters() throws Refusal {
        assertEquals("王丽", AccountRules.displayName(" 王丽 "));
        assertEquals("x".repeat(60), AccountRules.displayName("x".repeat(60)));
        assertEquals("displayName", answer(() -> AccountRules.displayName("  ")).field());
        assertEquals("displayName",
                answer(() -> AccountRules.displayName("x".repeat(61))).field());
    }

    @Test
    void aManagerGrantsOnlyRolesBelowTheirOwnWithinTheirScope() {
        Caller street = holding(Role.STREET_ADMIN, STREET);
        assertTrue(AccountRules.mayGrant(street, new RoleBinding(Role.COMMUNITY_SECRETARY, COMMUNITY)));
        assertTrue(AccountRules.mayGrant(street, new RoleBinding(Role.LEADER, COMMUNITY)));
        assertFalse(AccountRules.mayGrant(street, new RoleBinding(Role.STREET_ADMIN, STREET)));
        assertFalse(AccountRules.mayGrant(street, new RoleBinding(Role.COMMUNITY_SECRETARY, "120112001001")));
        assertTrue(AccountRules.mayGrant(holding(Role.DISTRICT_ADMIN, DISTRICT), new RoleBinding(Role.AUDITOR,
                DISTRICT)));
    }

    @Test
    void bindingsAreDeduplicatedAndSorted() throws Refusal {
        Caller district = holding(Role.DISTRICT_ADMIN, DISTRICT);
        List<RoleBinding> out = AccountRules.bindings(district, List.of(
                new RoleBinding(Role.COMMUNITY_SECRETARY, COMMUNITY), new RoleBinding(Role.STREET_ADMIN, STREET),
                new RoleBinding(Role.COMMUNITY_SECRETARY, COMMUNITY)), DISTRICT, EVERY_NODE);
        assertEquals(List.of(new RoleBinding(Role.STREET_ADMIN, STREET),
                new RoleBinding(Role.COMMUNITY_SECRETARY, COMMUNITY)), out);
    }

    @Test
    void bindingsAreRefusedWithTheFieldAtFault() {
        Caller street = holding(Role.STREET_ADMIN, STREET);
        ApiException none = answer(
                () -> AccountRules.bindings(street, List.of(), DISTRICT, EVERY_NODE));
        assertEquals("bindings", none.field());

        ApiException unknown = answer(() -> AccountRules.bindings(street, List.of(
                new RoleBinding(Role.LEADER, COMMUNITY), new RoleBinding(Role.COMMUNITY_SECRETARY, "120112103999")),
                DISTRICT, (role, node) -> !node.endsWith("999")));
        assertEquals(400, unknown.status());
        assertEquals("bindings[1].node", unknown.field());
        assertTrue(unknown.getMessage().contains("12 位"), unknown.getMessage());

        ApiException forbidden = answer(() -> AccountRules.bindings(street,
                List.of(new RoleBinding(Role.STREET_ADMIN, STREET)), DISTRICT, EVERY_NODE));
        assertEquals(403, forbidden.status());
        assertEquals("forbidden", forbidden.code());
        assertEquals("bindings[0].node", forbidden.field());

        ApiException auditor = answer(() -> AccountRules.bindings(
                holding(Role.DISTRICT_ADMIN, DISTRICT), List.of(new RoleBinding(Role.AUDITOR, DISTRICT),
                        new RoleBinding(Role.STREET_ADMIN, STREET)), DISTRICT, EVERY_NODE));
        assertEquals(400, auditor.status());
        assertEquals("bindings", auditor.field());
    }

    /** The HTTP answer the refusal gets, through the one mapping of refusals. */
    private static ApiException answer(org.junit.jupiter.api.function.Executable call) {
        return ApiException.of(assertThrows(Refusal.class, call));
    }
}
