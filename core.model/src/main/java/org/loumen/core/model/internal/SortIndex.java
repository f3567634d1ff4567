package org.loumen.core.model.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.Query;

import org.loumen.core.model.LeaderQuery;

/**
 * The page of a wide listing (a street's, the district's) read in the sort's own index.
 *
 * <p>Derby's optimizer, given {@code community like ?}, takes the community index, fetches every leader in scope
 * from the table and sorts them all — 0.5–2.7 s at 100,000 leaders for a first page (runtime statistics: "Index Scan
 * … using index MDL_LEADER_COMMUNITY", "Index Row to Base Row … 100000", "Sort ResultSet: Rows input = 100000"),
 * whichever index the sort has. Told the sort's index ({@code --DERBY-PROPERTIES index=…}, an SQL comment that
 * PostgreSQL ignores), it walks that index alone (it holds the id and the community the scope is checked on) and
 * stops after the page: 0.2–2 ms for a first page, 34–106 ms for the page 50,000 rows in. Derby walks an index
 * forwards only, so each descending sort has an index of its own; PostgreSQL uses the same indexes.
 *
 * <p>Only for a scope of streets or wider without other filters: a community's leaders are found faster by the
 * community index (the optimizer's own choice), and a filter on a column the sort index lacks would read the table.
 */
final class SortIndex {

    private SortIndex() {
    }

    /** Whether the listing is one this class reads: scope codes of a street or wider, no other filter. */
    static boolean applies(Set<String> scopes, LeaderQuery f) {
        return !scopes.isEmpty() && scopes.stream().allMatch(s -> s.length() <= 9) && (f == null
                || f.street() == null && f.community() == null && f.q() == null && f.status() == null && f.statuses() == null
                        && f.role() == null && f.age() == null && f.educations() == null);
    }

    /** The index that holds the sort's order, the id and the community ({@link LeaderEntity}'s indexes). */
    static String index(String sort) {
        return switch (sort == null ? "name" : sort) {
            case "-name" -> "MDL_LEADER_NAME_DESC";
            case "birthDate" -> "MDL_LEADER_BIRTH";
            case "-birthDate" -> "MDL_LEADER_BIRTH_DESC";
            case "id" -> "MDL_LEADER_ID";
            case "-id" -> "MDL_LEADER_ID_DESC";
            default -> "MDL_LEADER_NAME";
        };
    }

    /** The order by clause in columns: the same order as {@link LeaderQueries#order}. */
    static String columns(String sort) {
        return switch (sort == null ? "name" : sort) {
            case "-name" -> "NAME DESC, ID";
            case "birthDate" -> "BIRTH_DATE, ID";
            case "-birthDate" -> "BIRTH_DATE DESC, ID";
            case "id" -> "ID";
            case "-id" -> "ID DESC";
            default -> "NAME, ID";
        };
    }

    /** The statement: the hint must follow the table's name and end its line. */
    static String sql(int scopes, String sort) {
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < scopes; i++) {
            w.append(i == 0 ? "" : " OR ").append("COMMUNITY LIKE ?");
        }
        return "SELECT ID FROM MDL_LEADER --DERBY-PROPERTIES index=" + index(sort) + "\n WHERE (" + w + ") ORDER BY "
                + columns(sort) + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
    }

    static List<Long> keys(EntityManager em, Set<String> scopes, String sort, int first, int max) {
        List<String> codes = new ArrayList<>(scopes);
        Query q = em.createNativeQuery(sql(codes.size(), sort));
        int p = 1;
        for (String code : codes) {
            q.setParameter(p++, code + "%");
        }
        q.setParameter(p++, first).setParameter(p, max);
        List<Long> ids = new ArrayList<>();
        for (Object id : q.getResultList()) {
            ids.add(((Number) id).longValue());
        }
        return ids;
    }
}
