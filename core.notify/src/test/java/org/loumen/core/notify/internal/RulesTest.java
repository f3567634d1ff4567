package org.loumen.core.notify.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.loumen.security.Role;
import org.loumen.security.RoleBinding;

class RulesTest {

    @Test
    void rolesAtLevelsBecomeBindingsAboveTheObject() {
        List<Rules.Rule> rules = Rules.parse(" COMMUNITY_SECRETARY@community, street_admin@street ,");
        assertEquals(List.of(new RoleBinding(Role.COMMUNITY_SECRETARY, "120112103001"),
                new RoleBinding(Role.STREET_ADMIN, "120112103")), Rules.bindings(rules, "120112103001B002U02"));
        assertEquals(List.of(new RoleBinding(Role.STREET_ADMIN, "120112103")),
                Rules.bindings(rules, "120112103"), "a level below the object's is skipped");
        assertTrue(Rules.parse("").isEmpty());
    }

    @Test
    void aBadRuleIsNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Rules.parse("MAYOR@street")).getMessage()
                .contains("MAYOR@street"));
        assertThrows(IllegalArgumentException.class, () -> Rules.parse("STREET_ADMIN@city"));
        assertThrows(IllegalArgumentException.class, () -> Rules.parse("STREET_ADMIN"));
        assertEquals(List.of(new Rules.Rule(Role.STREET_ADMIN, 9)),
                WorkflowNotices.rules("nonsense", "STREET_ADMIN@street"), "the default while it is wrong");
    }
}
