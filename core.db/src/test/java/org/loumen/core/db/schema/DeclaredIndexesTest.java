package org.loumen.core.db.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

import javax.persistence.Index;
import javax.persistence.Table;

import org.junit.jupiter.api.Test;

/** An index declared after the table was created reaches an existing database, and its rows stay (real Derby). */
class DeclaredIndexesTest {

    /** An entity as a later version declares it: two indexes more than the table was created with. */
    @Table(name = "MDL_LEADER", indexes = { @Index(name = "MDL_LEADER_COMMUNITY", columnList = "COMMUNITY"),
            @Index(name = "MDL_LEADER_NAME", columnList = "NAME, ID, COMMUNITY"),
            @Index(name = "MDL_LEADER_NAME_DESC", columnList = "NAME DESC, ID, COMMUNITY") })
    static final class Leader {
    }

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
            assertTrue(DeclaredIndexes.allIndexNames(c, c.getMetaData()).contains("MDL_LEADER_COMMUNITY"));
            assertEquals(2, DeclaredIndexes.ensure(c, Leader.class));
            assertEquals(0, DeclaredIndexes.ensure(c, Leader.class)); // nothing twice
            Set<String> names = new HashSet<>();
            try (ResultSet r = c.getMetaData().getIndexInfo(null, null, "MDL_LEADER", false, true)) {
                while (r.next()) {
                    names.add(r.getString("INDEX_NAME"));
                }
            }
            assertTrue(names.containsAll(Set.of("MDL_LEADER_COMMUNITY", "MDL_LEADER_NAME", "MDL_LEADER_NAME_DESC")),
                    names.toString());
            assertTrue(DeclaredIndexes.allIndexNames(c, c.getMetaData()).containsAll(names), names.toString());
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT NAME FROM MDL_LEADER")) {
                assertTrue(r.next());
                assertEquals("张秀兰", r.getString(1));
            }
        }
    }
}
