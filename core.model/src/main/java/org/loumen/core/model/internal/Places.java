package org.loumen.core.model.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;

import org.loumen.core.model.DivisionCodes;
import org.loumen.core.model.CommunityKind;
import org.loumen.core.model.ImportException.Problem;

/**
 * Resolves the place columns of an import (street, community, building, unit) inside the import's transaction,
 * creating missing communities, buildings and units under known streets (communities as entities, buildings and units
 * as rows written by {@link #write}). Codes of new places continue the numbering
 * of their parent, so they are stable and keep the prefix property every scope check relies on.
 */
final class Places {

    /** Where a row lands. */
    record Resolved(String street, String community, String building, String unit) {
    }

    private final EntityManager em;
    private final Connection connection;
    private final Map<String, String> streetCodes = new HashMap<>();
    private final Map<String, String> communityByStreetAndName = new HashMap<>();
    private final Set<String> communities = new HashSet<>();
    /** Communities whose buildings and units are read (only those the import names, not the whole city). */
    private final Set<String> loaded = new HashSet<>();
    private final Map<String, String> buildingByKey = new HashMap<>();
    private final Map<String, Integer> buildingCount = new HashMap<>();
    private final Map<String, String> unitByKey = new HashMap<>();
    private final Map<String, Integer> unitCount = new HashMap<>();
    /** Buildings and units to create, as rows of {@link BulkRows#BUILDINGS} and {@link BulkRows#UNITS}. */
    private final List<Object[]> newBuildings = new ArrayList<>();
    private final List<Object[]> newUnits = new ArrayList<>();
    /** Per street and kind, the number a new community's search starts from. */
    private final Map<String, Integer> freeFrom = new HashMap<>();
    int createdCommunities;
    int createdBuildings;
    int createdUnits;

    Places(EntityManager em) {
        this.em = em;
        this.connection = em.unwrap(Connection.class); // the transaction's own connection
        for (StreetEntity s : Reads.readOnly(em.createQuery("select s from StreetEntity s",
                StreetEntity.class)).getResultList()) {
            streetCodes.put(s.code(), s.code());
            streetCodes.putIfAbsent(s.name(), s.code());
            if (s.nameEn() != null) {
                streetCodes.putIfAbsent(s.nameEn(), s.code());
            }
        }
        // plain columns, not entities: nothing read here is registered for change detection at commit
        for (Object[] c : em.createQuery("select c.code, c.street, c.name from CommunityEntity c", Object[].class)
                .getResultList()) {
            communities.add((String) c[0]);
            communityByStreetAndName.putIfAbsent(c[1] + "|" + c[2], (String) c[0]);
        }
    }

    /**
     * Reads the buildings and units of a community the first time a row names it: an import touches a few
     * communities, and reading every building and unit of a city (tens of thousands) cost more than the import.
     */
    private void load(String community) {
        if (!loaded.add(community)) {
            return;
        }
        try {
            List<String> buildings = new ArrayList<>();
            try (PreparedStatement b = connection.prepareStatement(
                    "SELECT CODE, LABEL FROM ORG_BUILDING WHERE COMMUNITY = ?")) {
                b.setString(1, community);
                try (ResultSet r = b.executeQuery()) {
                    while (r.next()) {
                        String code = r.getString(1);
                        buildings.add(code);
                        buildingByKey.put(community + "|" + r.getString(2), code);
                        buildingCount.merge(community, seq(code, 3), Math::max);
                    }
                }
            }
            if (buildings.isEmpty()) {
                return; // a new community, or one without buildings yet
            }
            // the units of those buildings, each found by the building index (an equality, never a range the
            // optimizer might answer with a scan of every unit)
            try (PreparedStatement u = connection.prepareStatement(
                    "SELECT CODE, LABEL FROM ORG_UNIT WHERE BUILDING = ?")) {
                for (String building : buildings) {
                    u.setString(1, building);
                    try (ResultSet r = u.executeQuery()) {
                        while (r.next()) {
                            String code = r.getString(1);
                            unitByKey.put(building + "|" + r.getString(2), code);
                            unitCount.merge(building, seq(code, 2), Math::max);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new BulkRows.Failed("ORG_BUILDING/ORG_UNIT " + community, e);
        }
    }

    /** Writes the buildings and units created while resolving, in the import's transaction. */
    void write() {
        BulkRows.insert(connection, BulkRows.BUILDINGS, newBuildings);
        BulkRows.insert(connection, BulkRows.UNITS, newUnits);
    }

    /** The transaction's connection, for the import's own rows. */
    Connection connection() {
        return connection;
    }

    /** {@code n} zero-padded to {@code width} digits (as {@code String.format("%0wd")}, without the formatter). */
    static String digits(int n, int width) {
        String s = Integer.toString(n);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }

    private static int seq(String code, int digits) {
        return Integer.parseInt(code.substring(code.length() - digits));
    }

    /**
     * Resolves one row, adding problems for what cannot be resolved; {@code null} if any.
     *
     * @param scopes codes the caller may reach
     */
    Resolved resolve(int row, ImportRows.Place place, Set<String> scopes, List<Problem> problems) {
        String street = streetCodes.get(place.street());
        if (street == null) {
            problems.add(new Problem(row, "street", place.street(), "未知街道（须为 9 位代码或街道全称） / unknown street "
                    + "(a 9-digit code or the exact name)"));
            return null;
        }
        if (scopes.stream().noneMatch(street::startsWith)) {
            problems.add(new Problem(row, "street", place.street(), "不在您的管辖范围 / outside your scope"));
            return null;
        }
        String community;
        if (DivisionCodes.hasCommunityForm(place.community())) {
            community = place.community();
            if (!community.startsWith(street) || !communities.contains(community)) {
                problems.add(new Problem(row, "community", place.community(), "该街道下没有此社区代码 / no community "
                        + "with this code in the street; give its name to create it"));
                return null;
            }
        } else {
            community = communityByStreetAndName.get(street + "|" + place.community());
            if (community == null) {
                community = createCommunity(street, place.community());
                if (community == null) {
                    problems.add(new Problem(row, "community", place.community(), "该街道的社区代码已用尽 / no free "
                            + "community code left in the street"));
                    return null;
                }
            }
        }
        load(community);
        String building = buildingByKey.get(community + "|" + place.building());
        if (building == null) {
            int next = buildingCount.getOrDefault(community, 0) + 1;
            if (next > 999) {
                problems.add(new Problem(row, "building", place.building(), "楼栋过多 / too many buildings"));
                return null;
            }
            building = community + "B" + digits(next, 3);
            newBuildings.add(new Object[] { building, community, place.building(), BulkRows.FIRST_VERSION });
            buildingCount.put(community, next);
            buildingByKey.put(community + "|" + place.building(), building);
            createdBuildings++;
        }
        String unit = null;
        if (!place.unit().isEmpty()) {
            unit = unitByKey.get(building + "|" + place.unit());
            if (unit == null) {
                int next = unitCount.getOrDefault(building, 0) + 1;
                if (next > 99) {
                    problems.add(new Problem(row, "unit", place.unit(), "单元过多 / too many units"));
                    return null;
                }
                unit = building + "U" + digits(next, 2);
                newUnits.add(new Object[] { unit, building, place.unit(), BulkRows.FIRST_VERSION });
                unitCount.put(building, next);
                unitByKey.put(building + "|" + place.unit(), unit);
                createdUnits++;
            }
        }
        return new Resolved(street, community, building, unit);
    }

    /** A new community gets the next free committee number: 001-199 for a community, 200-399 for a village (村). */
    private String createCommunity(String street, String name) {
        if (name.length() > 60) {
            return null;
        }
        boolean village = name.endsWith("村");
        int from = village ? 200 : 1;
        int to = village ? 399 : 199;
        // the lowest free number only grows while the import runs (communities are only added): start from the last
        // one given out, not from 001 for each new community (199 new communities asked 19,900 times)
        String cursor = street + (village ? "|village" : "|community");
        for (int n = freeFrom.getOrDefault(cursor, from); n <= to; n++) {
            String code = street + digits(n, 3);
            if (!communities.contains(code)) {
                freeFrom.put(cursor, n + 1);
                em.persist(new CommunityEntity(code, street, name, village ? CommunityKind.VILLAGE
                        : CommunityKind.COMMUNITY));
                communities.add(code);
                communityByStreetAndName.put(street + "|" + name, code);
                createdCommunities++;
                return code;
            }
        }
        return null;
    }
}
