package org.loumen.core.model.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** An index declared after the table was created reaches an existing database, and its rows stay (real Derby). */
class SchemaIndexesTest {

    @Test
    void addsTheMissingIndexesToATableThatExistsAndKeepsItsRows() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:derby:memory:schema-indexes;create=true")) {
            try (Statement s = c.createStatement()) {
                // MDL_LEADER as an earlier version created it: the community index only
                s.execute("CREATE TABLE MDL_LEADER (ID BIGINT NOT NULL PRIMARY KEY, NAME VARCHAR(40) NOT NULL, "
                        + "BIRTH_DATE DATE NOT NULL, COMMUNITY VARCHAR(12) NOT NULL)");
                s.execute("CREATE INDEX MDL_LEADER_COMMUNITY ON MDL_LEADER (COMMUNITY)");
                s.execute("INSERT INTO MDL_LEADER VALUES (1, '张秀兰', '1960-01-01', '120112103001')");
            }
            // the one-query read of the catalogue sees what the table's metadata sees
            assertTrue(SchemaIndexes.allIndexNames(c, c.getMetaData()).contains("MDL_LEADER_COMMUNITY"));
            assertEquals(6, SchemaIndexes.ensure(c, LeaderEntity.class));
            assertEquals(0, SchemaIndexes.ensure(c, LeaderEntity.class)); // nothing twice
            Set<String> names = new HashSet<>();
            try (ResultSet r = c.getMetaData().getIndexInfo(null, null, "MDL_LEADER", false, true)) {
                while (r.next()) {
                    names.add(r.getString("INDEX_NAME"));
                }
            }
            assertTrue(names.containsAll(Set.of("MDL_LEADER_COMMUNITY", "MDL_LEADER_NAME", "MDL_LEADER_BIRTH",
                    "MDL_LEADER_NAME_DESC", "MDL_LEADER_BIRTH_DESC", "MDL_LEADER_ID", "MDL_LEADER_ID_DESC")),
                    names.toString());
            assertTrue(SchemaIndexes.allIndexNames(c, c.getMetaData()).containsAll(names), names.toString());
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT NAME FROM MDL_LEADER")) {
                assertTrue(r.next());
                assertEquals("张秀兰", r.getString(1));
            }
        }
    }
}
