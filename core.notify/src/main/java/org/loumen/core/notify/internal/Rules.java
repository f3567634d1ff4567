package org.loumen.core.notify.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.loumen.security.Role;
import org.loumen.security.RoleBinding;

/**
 * Who hears what, read from configuration: a comma-separated list of {@code ROLE@level}, where level is
 * {@code district}, {@code street} or {@code community} (the node of that level above the object), e.g.
 * {@code COMMUNITY_SECRETARY@community,STREET_ADMIN@street}. The one place where a rule's text becomes recipients.
 */
final class Rules {

    /** One role at one level. */
    record Rule(Role role, int codeLength) {
    }

    private Rules() {
    }

    /** Parses a rule list; throws {@link IllegalArgumentException} naming the bad part. */
    static List<Rule> parse(String text) {
        List<Rule> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String part : text.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int at = p.indexOf('@');
            if (at < 1) {
                throw new IllegalArgumentException("须为 角色@层级 / expected ROLE@level: " + p);
            }
            Role role;
            try {
                role = Role.valueOf(p.substring(0, at).strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("未知角色 / unknown role: " + p);
            }
            int len = switch (p.substring(at + 1).strip().toLowerCase(Locale.ROOT)) {
                case "district" -> 6;
                case "street" -> 9;
                case "community" -> 12;
                default -> throw new IllegalArgumentException("层级须为 district、street 或 community / level must be "
                        + "district, street or community: " + p);
            };
            out.add(new Rule(role, len));
        }
        return out;
    }

    /** The role bindings the rules name for an object at {@code code} (levels longer than the code are skipped). */
    static List<RoleBinding> bindings(List<Rule> rules, String code) {
        List<RoleBinding> out = new ArrayList<>();
        for (Rule r : rules) {
            if (code != null && code.length() >= r.codeLength()) {
                out.add(new RoleBinding(r.role(), code.substring(0, r.codeLength())));
            }
        }
        return out;
    }
}
