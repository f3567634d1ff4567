package org.loumen.core.model.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.loumen.core.model.LeaderQuery;
import org.loumen.core.model.LeaderStatus;

/**
 * A read of many leaders' columns for a figure across streets (the profile report, counts per community), as plain
 * SQL over the transaction's connection, and — for a scope of streets or wider — as one pass over the table.
 *
 * <p>Given {@code community like ?} with the code bound later, Derby takes the community index and fetches every
 * leader in scope from the table row by row: at 100,000 leaders 410–1,010 ms for the six columns the profile report
 * counts and 244–609 ms for a grouped count per community, against 113–260 ms and 73–165 ms for the same reads told to
 * scan the table ({@code --DERBY-PROPERTIES index=NULL}, an SQL comment PostgreSQL ignores; plain JDBC, same data,
 * load average ~10). A community's leaders (a filter on one community, a scope of communities) keep the index.
 */
final class WideScan {

    /** The SQL of a read and its parameters, in order. */
    record Sql(String text, List<Object> params) {

        PreparedStatement prepare(Connection c) throws SQLException {
            PreparedStatement p = c.prepareStatement(text);
            for (int i = 0; i < params.size(); i++) {
                p.setString(i + 1, (String) params.get(i));
            }
            return p;
        }
    }

    private WideScan() {
    }

    /** Whether the query filters on no more than street, community and statuses: what {@link #leaders} reads. */
    static boolean plain(LeaderQuery f) {
        return f.q() == null && f.status() == null && f.role() == null && f.age() == null && f.educations() == null;
    }

    /**
     * The same filter as {@link #leaders} applies in SQL, for a row read another way (e.g. by primary key): within one
     * of the scopes (code prefixes), and the query's street, community and statuses.
     */
    static boolean matches(Set<String> scopes, LeaderQuery f, String street, String community, String status) {
        return scopes.stream().anyMatch(community::startsWith) && (f.street() == null || f.street().equals(street))
                && (f.community() == null || f.community().equals(community))
                && (f.statuses() == null || f.statuses().contains(LeaderStatus.valueOf(status)));
    }

    /** Whether the read covers whole streets or more: scope codes of a street or wider, no community filter. */
    static boolean wide(Set<String> scopes, String community) {
        return community == null && !scopes.isEmpty() && scopes.stream().allMatch(s -> s.length() <= 9);
    }

    /**
     * {@code SELECT columns FROM MDL_LEADER [hint] WHERE scope [AND street] [AND community] [AND status in]} with
     * {@code tail} appended (e.g. a group by), the scope as {@link LeaderQueries#where} has it (every code a prefix).
     * Only the street, community and statuses of the query are read; it must have no other filter.
     */
    static Sql leaders(String columns, Set<String> scopes, LeaderQuery f, String tail) {
        if (!plain(f)) {
            throw new IllegalArgumentException("only street, community and statuses are read here");
        }
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(columns).append(" FROM MDL_LEADER");
        if (wide(scopes, f.community())) {
            sql.append(" --DERBY-PROPERTIES index=NULL\n");
        }
        sql.append(" WHERE (");
        int i = 0;
        for (String s : scopes) {
            sql.append(i++ == 0 ? "" : " OR ").append("COMMUNITY LIKE ?");
            params.add(s + "%");
        }
        sql.append(scopes.isEmpty() ? "1 = 0)" : ")");
        if (f.street() != null) {
            sql.append(" AND STREET = ?");
            params.add(f.street());
        }
        if (f.community() != null) {
            sql.append(" AND COMMUNITY = ?");
            params.add(f.community());
        }
        if (f.statuses() != null) {
            if (f.statuses().isEmpty()) {
                sql.append(" AND 1 = 0");
            } else {
                sql.append(" AND STATUS IN (");
                int k = 0;
                for (LeaderStatus s : f.statuses()) {
                    sql.append(k++ == 0 ? "?" : ", ?");
                    params.add(s.name());
                }
                sql.append(')');
            }
        }
        return new Sql(sql.append(tail).toString(), params);
    }
}
