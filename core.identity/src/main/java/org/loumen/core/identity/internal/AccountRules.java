package org.loumen.core.identity.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

import org.loumen.domain.Refusal;
import org.loumen.security.Caller;
import org.loumen.security.Role;
import org.loumen.security.RoleBinding;

/**
 * The rules an account must meet, apart from the stored data (账号规则): what a username and a display name may be,
 * who may grant which role where, and which sets of roles one account may hold.
 */
final class AccountRules {

    static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,31}");

    private AccountRules() {
    }

    /** The username as stored (stripped), or INVALID {@code username}. */
    static String username(String username) throws Refusal {
        String name = username == null ? "" : username.strip();
        if (!USERNAME.matcher(name).matches()) {
            throw Refusal.invalidField("username", "用户名须为 3 至 32 位小写字母、数字或 . _ -，以字母开头 / a "
                    + "username is 3-32 lower-case letters, digits or . _ -, starting with a letter");
        }
        return name;
    }

    /** The display name as stored (stripped, 1–60 characters), or INVALID {@code displayName}. */
    static String displayName(String displayName) throws Refusal {
        String d = displayName == null ? "" : displayName.strip();
        if (d.isEmpty() || d.length() > 60) {
            throw Refusal.invalidField("displayName", "姓名须为 1 至 60 个字符 / displayName must be 1-60 characters");
        }
        return d;
    }

    /** Whether the actor holds, at or above the binding's node, a role that may grant the binding's role. */
    static boolean mayGrant(Caller actor, RoleBinding b) {
        return actor.bindings().stream().anyMatch(c -> c.covers(b.node()) && c.role().mayGrant(b.role()));
    }

    /**
     * Validates requested roles: at least one, each at a known node of the right level (INVALID naming
     * {@code bindings[i].node}), each grantable by the actor (NOT_ALLOWED, {@code forbidden}, naming it), an auditor holding no
     * other role. Duplicates are dropped; the result is sorted by role, then node.
     *
     * @param known whether a node of the level the role needs exists
     */
    static List<RoleBinding> bindings(Caller actor, List<RoleBinding> requested, String district,
            BiPredicate<Role, String> known) throws Refusal {
        if (requested == null || requested.isEmpty()) {
            throw Refusal.invalidField("bindings", "至少需要一个角色 / at least one role is required");
        }
        List<RoleBinding> out = new ArrayList<>(new LinkedHashSet<>(requested));
        for (int i = 0; i < out.size(); i++) {
            RoleBinding b = out.get(i);
            String field = "bindings[" + i + "].node";
            if (!known.test(b.role(), b.node())) {
                String level = switch (b.role()) {
                    case DISTRICT_ADMIN, AUDITOR -> "本区代码 / the district's code " + district;
                    case STREET_ADMIN -> "已有街道的 9 位代码 / the 9-digit code of an existing street";
                    case COMMUNITY_SECRETARY -> "已有社区的 12 位代码 / the 12-digit code of an existing community";
                    case LEADER -> "已有社区、楼栋或单元的代码 / the code of an existing community, building or unit";
                };
                throw Refusal.invalidField(field, b.role() + " 的节点须为" + level + " / bad node for " + b.role()
                        + ": " + b.node());
            }
            if (!mayGrant(actor, b)) {
                throw new Refusal(Refusal.Kind.FORBIDDEN, "forbidden",
                        "无权授予该角色 / you may not grant " + b.role() + " at "
                        + b.node(), field);
            }
        }
        if (out.stream().anyMatch(b -> b.role() == Role.AUDITOR) && out.size() > 1) {
            throw Refusal.invalidField("bindings", "审计员不能兼任其他角色（三权分立） / an auditor holds no other "
                    + "role (separation of duties)");
        }
        out.sort(Comparator.comparing(RoleBinding::role).thenComparing(RoleBinding::node));
        return List.copyOf(out);
    }
}
