package org.loumen.core.model.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.loumen.core.model.Assignment;
import org.loumen.core.model.Education;
import org.loumen.core.model.Gender;
import org.loumen.core.model.LeaderRole;
import org.loumen.core.model.Nomination;

class LeaderImportExportTest {

    private static final Assignment UNIT = new Assignment(LeaderRole.UNIT_LEADER, "120112103001B001", "1号楼",
            "120112103001B001U02", "2单元", null, null);
    private static final Assignment BUILDING = new Assignment(LeaderRole.BUILDING_LEADER, "120112103001B001",
            "1号楼", null, null, null, null);

    @Test
    void aRowHasTheImportsColumnsInChinese() {
        List<String> row = LeaderImportExport.row(Leaders.zhang(), UNIT, Map.of("120112103", "辛庄镇"),
                Map.of("120112103001", "鑫盛家园社区"));
        assertEquals(ImportRows.LEADER_COLUMNS.size() + ImportRows.LEADER_OPTIONAL_COLUMNS.size(), row.size());
        assertEquals(List.of("辛庄镇", "鑫盛家园社区", "1号楼", "2单元", "楼门长", "张秀兰", "女", "1958-03-12", "高中", "是",
                "13812341234", "推荐", "JN-0042", "否"), row);
    }

    @Test
    void unnamedPlacesAndEmptyOptionalsStayReadable() {
        LeaderEntity l = Leaders.zhang();
        l.workId = null;
        l.liaison = true;
        l.partyMember = false;
        List<String> row = LeaderImportExport.row(l, BUILDING, Map.of(), Map.of());
        assertEquals("120112103", row.get(0)); // the code when the street has no name
        assertEquals("120112103001", row.get(1));
        assertEquals("", row.get(3)); // a building leader has no unit
        assertEquals("栋长", row.get(4));
        assertEquals("否", row.get(9));
        assertEquals("", row.get(12));
        assertEquals("是", row.get(13));
    }

    @Test
    void anExportedRowReadsBackAsTheSamePerson() throws Exception {
        List<String> header = new ArrayList<>(ImportRows.LEADER_COLUMNS);
        header.addAll(ImportRows.LEADER_OPTIONAL_COLUMNS);
        byte[] csv = Csv.write(header, List.of(LeaderImportExport.row(Leaders.zhang(), UNIT,
                Map.of("120112103", "辛庄镇"), Map.of("120112103001", "鑫盛家园社区"))));
        ImportRows.LeaderRow back = ImportRows.leaders(Csv.parse(csv, ImportRows.LEADER_COLUMNS)).get(0);
        assertEquals(new ImportRows.Place("辛庄镇", "鑫盛家园社区", "1号楼", "2单元"), back.place());
        assertEquals(LeaderRole.UNIT_LEADER, back.role());
        assertEquals("张秀兰", back.name());
        assertEquals(Gender.FEMALE, back.gender());
        assertEquals(Education.SENIOR_HIGH, back.education());
        assertEquals(Nomination.RECOMMENDED, back.nomination());
        assertEquals("13812341234", back.phone());
        assertEquals("JN-0042", back.workId());
        assertEquals(true, back.partyMember());
        assertEquals(false, back.liaison());
    }
}
