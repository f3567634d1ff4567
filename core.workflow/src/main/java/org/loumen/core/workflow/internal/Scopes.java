package org.loumen.core.workflow.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.persistence.TypedQuery;

import org.loumen.core.model.Community;
import org.loumen.core.model.OrganisationService;

/**
 * Scope helpers of the listings across the caller's part of the tree: a JPQL clause keeping codes that begin with one
 * of the scopes, the scopes narrowed to a street filter, and community names for the answers.
 */
final class Scopes {

    private Scopes() {
    }

    /** {@code (field like :s0 or field like :s1 ...)}; {@code (1 = 0)} for no scope, so nothing is found. */
    static String clause(String field, Set<String> scopes) {
        StringBuilder w = new StringBuilder("(");
        for (int i = 0; i < scopes.size(); i++) {
            w.append(i == 0 ? "" : " or ").append(field).append(" like :s").append(i);
        }
        return w.append(scopes.isEmpty() ? "1 = 0)" : ")").toString();
    }

    /** Binds the parameters of {@link #clause}, in the set's iteration order. */
    static void bind(TypedQuery<?> query, Set<String> scopes) {
        int i = 0;
        for (String s : scopes) {
            query.setParameter("s" + i++, s + "%");
        }
    }

    /**
     * The caller's scopes within a node (a street or community filter): the node itself when a scope covers it,
     * else the scopes inside it; all scopes when {@code node} is null.
     */
    static Set<String> within(Set<String> scopes, String node) {
        if (node == null) {
            return scopes;
        }
        Set<String> out = new TreeSet<>();
        for (String s : scopes) {
            if (node.startsWith(s)) {
                return Set.of(node);
            }
            if (s.startsWith(node)) {
                out.add(s);
            }
        }
        return out;
    }

    /** The names of the given communities, by code (a code without a community is left out). */
    static Map<String, String> communityNames(OrganisationService organisation, Collection<String> codes) {
        Map<String, String> names = new HashMap<>();
        for (String code : new TreeSet<>(codes)) {
            organisation.community(code).map(Community::name).ifPresent(n -> names.put(code, n));
        }
        return names;
    }
}
