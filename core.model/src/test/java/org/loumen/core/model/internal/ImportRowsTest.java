package org.loumen.core.model.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.loumen.core.model.Education;
import org.loumen.core.model.Gender;
import org.loumen.core.model.ImportException;
import org.loumen.core.model.ImportException.Problem;
import org.loumen.core.model.LeaderRole;
import org.loumen.core.model.Nomination;
import org.loumen.core.model.SpecialGroup;

class ImportRowsTest {

    static final String HEADER = "street,community,building,unit,role,name,gender,birth_date,education,party_member,"
            + "phone,nomination";

    private static List<ImportRows.LeaderRow> leaders(String csv) throws ImportException {
        return ImportRows.leaders(Csv.parse(csv.getBytes(StandardCharsets.UTF_8), ImportRows.LEADER_COLUMNS));
    }

    private static List<Problem> problems(String csv) {
        return assertThrows(ImportException.class, () -> leaders(csv)).problems();
    }

    @Test
    void aGoodRowInChineseAndInEnglish() throws ImportException {
        List<ImportRows.LeaderRow> rows = leaders(HEADER + "\n"
                + "双港镇,港湾家园社区,3号楼,2单元,楼门长,王秀英,女,1966-03-09,大专,是,13812345678,自荐\n"
                + "120112103,120112103001,3号楼,,BUILDING_LEADER,李建国,M,1958/7/1,BACHELOR,false,13912345678,RECOMMENDED\n");
        assertEquals(2, rows.size());
        ImportRows.LeaderRow a = rows.get(0);
        assertEquals(2, a.row());
        assertEquals(LeaderRole.UNIT_LEADER, a.role());
        assertEquals(Gender.FEMALE, a.gender());
        assertEquals(LocalDate.of(1966, 3, 9), a.birthDate());
        assertEquals(Education.JUNIOR_COLLEGE, a.education());
        assertTrue(a.partyMember());
        assertEquals(Nomination.SELF, a.nomination());
        assertEquals("2单元", a.place().unit());
        ImportRows.LeaderRow b = rows.get(1);
        assertEquals(LeaderRole.BUILDING_LEADER, b.role());
        assertEquals(Gender.MALE, b.gender());
        assertEquals(LocalDate.of(1958, 7, 1), b.birthDate());
        assertEquals(Education.BACHELOR, b.education());
        assertFalse(b.partyMember());
        assertEquals(Nomination.RECOMMENDED, b.nomination());
    }

    @Test
    void optionalWorkIdAndLiaisonColumns() throws ImportException {
        List<ImportRows.LeaderRow> rows = leaders(HEADER + ",work_id,liaison\n"
                + "双港镇,港湾家园社区,3号楼,2单元,楼门长,王秀英,女,1966-03-09,大专,是,13812345678,自荐,SG-001,是\n"
                + "双港镇,港湾家园社区,3号楼,1单元,楼门长,王秀华,女,1966-03-09,大专,是,13812345679,自荐,,1\n"
                + "双港镇,港湾家园社区,3号楼,3单元,楼门长,王秀兰,女,1966-03-09,大专,是,13812345670,自荐,SG-003,\n");
        assertEquals("SG-001", rows.get(0).workId());
        assertTrue(rows.get(0).liaison());
        assertEquals(null, rows.get(1).workId(), "empty is none");
        assertTrue(rows.get(1).liaison());
        assertFalse(rows.get(2).liaison(), "empty is no");
        assertFalse(leaders(HEADER + "\n双港镇,港湾家园社区,3号楼,2单元,楼门长,王秀英,女,1966-03-09,大专,是,"
                + "13812345678,自荐\n").get(0).liaison(), "files without the columns still import");
        List<Problem> bad = problems(HEADER + ",liaison\n"
                + "双港镇,港湾家园社区,3号楼,2单元,楼门长,王秀英,女,1966-03-09,大专,是,13812345678,自荐,也许\n");
        assertEquals("liaison", bad.get(0).column());
    }

    @Test
    void columnsMayComeInAnyOrderAndExtraColumnsAreIgnored() throws ImportException {
        List<ImportRows.LeaderRow> rows = leaders("phone,name,note,street,community,building,unit,role,gender,"
                + "birth_date,education,party_member,nomination\n"
                + "13812345678,王秀英,备注,双港镇,港湾家园社区,3号楼,2单元,楼门长,女,1966-03-09,大专,是,自荐\n");
        assertEquals("王秀英", rows.get(0).name());
        assertEquals("13812345678", rows.get(0).phone());
    }

    @Test
    void everyColumnRuleIsReportedWithRowColumnAndValue() {
        List<Problem> p = problems(HEADER + "\n"
                + ",,,,副楼长,,男性,1966-13-01,大学,可能,12345,被推荐\n");
        List<String> columns = p.stream().map(Problem::column).toList();
        assertEquals(List.of("street", "community", "building", "role", "name", "gender", "birth_date", "education",
                "party_member", "phone", "nomination"), columns);
        assertTrue(p.stream().allMatch(x -> x.row() == 2));
        Problem gender = p.get(columns.indexOf("gender"));
        assertEquals("男性", gender.value());
        assertTrue(gender.message().contains("男|女"), gender.message());
    }

    @Test
    void unitRulesFollowTheRole() {
        List<Problem> p = problems(HEADER + "\n"
                + "双港镇,港湾家园社区,3号楼,,楼门长,王秀英,女,1966-03-09,大专,是,13812345678,自荐\n"
                + "双港镇,港湾家园社区,3号楼,2单元,栋长,李建国,男,1958-07-01,本科,否,13912345678,推荐\n");
        assertEquals(2, p.size());
        assertEquals("unit", p.get(0).column());
        assertEquals(2, p.get(0).row());
        assertEquals("unit", p.get(1).column());
        assertEquals(3, p.get(1).row());
    }

    @Test
    void datesMustBeRealPastDaysInEitherForm() {
        String row = "双港镇,港湾家园社区,3号楼,2单元,楼门长,王秀英,女,%s,大专,是,138%08d,自荐\n";
        StringBuilder csv = new StringBuilder(HEADER + "\n");
        String[] bad = { "1966-2-30", "1966-02-30", "2099-01-01", "1966.03.09", "66-03-09", "1899-12-31",
                "1966/13/1" };
        for (int i = 0; i < bad.length; i++) {
            csv.append(String.format(row, bad[i], i));
        }
        List<Problem> p = problems(csv.toString());
        assertEquals(bad.length, p.size(), p.toString());
        assertTrue(p.stream().allMatch(x -> x.column().equals("birth_date")));
    }

    @Test
    void phonesAreMainlandMobilesUniqueInTheFile() {
        List<Problem> p = problems(HEADER + "\n"
                + "双港镇,港湾家园社区,3号楼,1单元,楼门长,甲,女,1966-03-09,大专,是,13812345678,自荐\n"
                + "双港镇,港湾家园社区,3号楼,2单元,楼门长,乙,女,1966-03-09,大专,是,13812345678,自荐\n"
                + "双港镇,港湾家园社区,3号楼,3单元,楼门长,丙,女,1966-03-09,大专,是,12812345678,自荐\n"
                + "双港镇,港湾家园社区,3号楼,4单元,楼门长,丁,女,1966-03-09,大专,是,138123456789,自荐\n");
        assertEquals(3, p.size());
        assertEquals(3, p.get(0).row());
        assertTrue(p.get(0).message().contains("2"), "names the first row: " + p.get(0).message());
    }

    @Test
    void missingHeaderColumnsAreNamed() {
        ImportException e = assertThrows(ImportException.class, () -> Csv.parse(
                "street,community,name\n".getBytes(StandardCharsets.UTF_8), ImportRows.LEADER_COLUMNS));
        assertEquals(9, e.problems().size());
        assertEquals(1, e.problems().get(0).row());
        assertThrows(ImportException.class, () -> Csv.parse(new byte[0], ImportRows.LEADER_COLUMNS));
    }

    @Test
    void blankLinesAreSkippedButKeepRowNumbers() {
        List<Problem> p = problems(HEADER + "\n\n"
                + "双港镇,港湾家园社区,3号楼,2单元,楼门长,王秀英,女,1966-03-09,大专,是,1381234,自荐\n");
        assertEquals(3, p.get(0).row());
    }

    @Test
    void householdRules() throws ImportException {
        String header = "street,community,building,unit,room,head_name,members,phone,special_groups\n";
        List<ImportRows.HouseholdRow> rows = ImportRows.households(Csv.parse((header
                + "双港镇,港湾家园社区,3号楼,2单元,301,王秀英,3,022-28561234,独居老人；低保\n"
                + "双港镇,港湾家园社区,3号楼,2单元,302,李建国,1,,\n").getBytes(StandardCharsets.UTF_8),
                ImportRows.HOUSEHOLD_COLUMNS));
        assertEquals(Set.of(SpecialGroup.ELDERLY_LIVING_ALONE, SpecialGroup.LOW_INCOME), rows.get(0).specialGroups());
        assertTrue(rows.get(1).specialGroups().isEmpty());

        ImportException e = assertThrows(ImportException.class, () -> ImportRows.households(Csv.parse((header
                + "双港镇,港湾家园社区,3号楼,,301,王秀英,0,abc,外星人\n"
                + "双港镇,港湾家园社区,3号楼,2单元,302,李建国,x,,\n"
                + "双港镇,港湾家园社区,3号楼,2单元,302,张三,2,,\n").getBytes(StandardCharsets.UTF_8),
                ImportRows.HOUSEHOLD_COLUMNS)));
        List<String> where = e.problems().stream().map(x -> x.row() + ":" + x.column()).toList();
        assertEquals(List.of("2:unit", "2:members", "2:phone", "2:special_groups", "3:members", "4:room"), where);
    }
}
