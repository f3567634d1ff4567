package org.loumen.core.model.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.loumen.core.model.Education;
import org.loumen.core.model.Gender;
import org.loumen.core.model.ImportException;
import org.loumen.core.model.ImportException.Problem;
import org.loumen.core.model.Labelled;
import org.loumen.core.model.LeaderRole;
import org.loumen.core.model.Nomination;
import org.loumen.core.model.SpecialGroup;
import org.loumen.domain.InputRules;

/**
 * The column rules of the leader and household spreadsheets: every cell is checked and every problem collected, so
 * one answer lists all bad rows. References to places and to stored data are checked afterwards by the services.
 */
final class ImportRows {

    static final List<String> LEADER_COLUMNS = List.of("street", "community", "building", "unit", "role", "name",
            "gender", "birth_date", "education", "party_member", "phone", "nomination");
    /** Optional leader columns: 工作证号 (unique in the street) and 党建联络员 ("一肩挑"); the export writes them. */
    static final List<String> LEADER_OPTIONAL_COLUMNS = List.of("work_id", "liaison");
    static final List<String> HOUSEHOLD_COLUMNS = List.of("street", "community", "building", "unit", "room",
            "head_name", "members", "phone", "special_groups");

    static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}");
    private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})|(\\d{4})/(\\d{1,2})/(\\d{1,2})");

    /** The place columns every row has. */
    record Place(String street, String community, String building, String unit) {
    }

    record LeaderRow(int row, Place place, LeaderRole role, String name, Gender gender, LocalDate birthDate,
            Education education, boolean partyMember, String phone, Nomination nomination, String workId,
            boolean liaison) {
    }

    record HouseholdRow(int row, Place place, String room, String headName, int members, String phone,
            Set<SpecialGroup> specialGroups) {
    }

    private ImportRows() {
    }

    /** Collects problems while one row is read. */
    private static final class Row {
        final int number;
        final String[] cells;
        final Csv.Table table;
        final List<Problem> problems;

        Row(int number, String[] cells, Csv.Table table, List<Problem> problems) {
            this.number = number;
            this.cells = cells;
            this.table = table;
            this.problems = problems;
            // the text rule of every API body, cell by cell: NFC, no control or bidi characters
            for (int c = 0; c < cells.length; c++) {
                String column = table.columnAt(c);
                boolean read = column != null && (LEADER_COLUMNS.contains(column) || HOUSEHOLD_COLUMNS.contains(column)
                        || LEADER_OPTIONAL_COLUMNS.contains(column));
                String problem = read ? InputRules.textProblem(cells[c], false) : null; // extra columns are ignored
                if (problem != null) {
                    problems.add(new Problem(number, column, visible(cells[c]), problem));
                    cells[c] = "";
                } else {
                    cells[c] = InputRules.normalise(cells[c]);
                }
            }
        }

        /** A refused value as it can be shown: invisible and control characters as {@code \\uXXXX}. */
        private static String visible(String value) {
            StringBuilder sb = new StringBuilder();
            for (char ch : value.toCharArray()) {
                if (Character.isISOControl(ch) || Character.isSurrogate(ch) || Character.getType(ch) == Character.FORMAT) {
                    sb.append(String.format("\\u%04X", (int) ch));
                } else {
                    sb.append(ch);
                }
            }
            return sb.length() > 80 ? sb.substring(0, 80) + "…" : sb.toString();
        }

        String get(String column) {
            return table.cell(cells, column);
        }

        void bad(String column, String message) {
            problems.add(new Problem(number, column, get(column), message));
        }

        String text(String column, int max, boolean required) {
            String v = get(column);
            if (required && v.isEmpty()) {
                bad(column, "不能为空 / required");
            } else if (v.length() > max) {
                bad(column, "最长 " + max + " 个字符 / at most " + max + " characters");
            }
            return v;
        }

        <E extends Enum<E> & Labelled> E choice(String column, Class<E> type) {
            E e = Labelled.parse(type, get(column)).orElse(null);
            if (e == null) {
                bad(column, "须为 " + Labelled.choices(type) + " / must be one of " + Labelled.choices(type));
            }
            return e;
        }

        Place place() {
            return new Place(text("street", 40, true), text("community", 60, true), text("building", 40, true),
                    get("unit"));
        }
    }

    static List<LeaderRow> leaders(Csv.Table table) throws ImportException {
        List<Problem> problems = new ArrayList<>();
        List<LeaderRow> out = new ArrayList<>();
        Map<String, Integer> phones = new HashMap<>();
        for (int i = 0; i < table.rows().size(); i++) {
            String[] cells = table.rows().get(i);
            if (cells == null) {
                continue;
            }
            Row r = new Row(i + 2, cells, table, problems);
            int before = problems.size();
            Place place = r.place();
            LeaderRole role = r.choice("role", LeaderRole.class);
            if (role == LeaderRole.UNIT_LEADER && place.unit().isEmpty()) {
                r.bad("unit", "楼门长须填写单元 / a unit leader needs a unit");
            } else if (role == LeaderRole.BUILDING_LEADER && !place.unit().isEmpty()) {
                r.bad("unit", "栋长不填单元 / leave the unit empty for a building leader");
            } else if (place.unit().length() > 40) {
                r.bad("unit", "最长 40 个字符 / at most 40 characters");
            }
            String name = r.text("name", 40, true);
            Gender gender = r.choice("gender", Gender.class);
            LocalDate birth = date(r, "birth_date");
            Education education = r.choice("education", Education.class);
            Boolean party = yesNo(r, "party_member");
            String phone = r.get("phone");
            if (!MOBILE.matcher(phone).matches()) {
                r.bad("phone", "须为 11 位手机号码 / must be an 11-digit mainland mobile number");
            } else if (phones.containsKey(phone)) {
                r.bad("phone", "与第 " + phones.get(phone) + " 行重复 / the same as row " + phones.get(phone));
            } else {
                phones.put(phone, r.number);
            }
            Nomination nomination = r.choice("nomination", Nomination.class);
            String workId = r.text("work_id", 32, false);
            Boolean liaison = r.get("liaison").isEmpty() ? Boolean.FALSE : yesNo(r, "liaison");
            if (problems.size() == before) {
                out.add(new LeaderRow(r.number, place, role, name, gender, birth, education, party, phone,
                        nomination, workId.isEmpty() ? null : workId, liaison));
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportException(problems);
        }
        return out;
    }

    static List<HouseholdRow> households(Csv.Table table) throws ImportException {
        List<Problem> problems = new ArrayList<>();
        List<HouseholdRow> out = new ArrayList<>();
        Map<String, Integer> rooms = new HashMap<>();
        for (int i = 0; i < table.rows().size(); i++) {
            String[] cells = table.rows().get(i);
            if (cells == null) {
                continue;
            }
            Row r = new Row(i + 2, cells, table, problems);
            int before = problems.size();
            Place place = r.place();
            if (place.unit().isEmpty()) {
                r.bad("unit", "不能为空 / required");
            }
            String room = r.text("room", 20, true);
            String key = place + "|" + room;
            if (!room.isEmpty() && rooms.containsKey(key)) {
                r.bad("room", "与第 " + rooms.get(key) + " 行为同一户 / the same household as row " + rooms.get(key));
            } else {
                rooms.put(key, r.number);
            }
            String head = r.text("head_name", 40, true);
            int members = 0;
            try {
                members = Integer.parseInt(r.get("members"));
                if (members < 1 || members > 30) {
                    r.bad("members", "须为 1 至 30 / must be 1 to 30");
                }
            } catch (NumberFormatException e) {
                r.bad("members", "须为整数 / must be a whole number");
            }
            String phone = r.get("phone");
            if (!phone.isEmpty() && !MOBILE.matcher(phone).matches() && !LANDLINE.matcher(phone).matches()) {
                r.bad("phone", "须为手机或固定电话号码 / must be a mobile or landline number");
            }
            Set<SpecialGroup> groups = EnumSet.noneOf(SpecialGroup.class);
            for (String g : r.get("special_groups").split("[;；]")) {
                if (g.isBlank()) {
                    continue;
                }
                SpecialGroup sg = Labelled.parse(SpecialGroup.class, g).orElse(null);
                if (sg == null) {
                    r.bad("special_groups", "未知类别 " + g.strip() + "，可选 " + Labelled.choices(SpecialGroup.class)
                            + " / unknown group " + g.strip());
                } else {
                    groups.add(sg);
                }
            }
            if (problems.size() == before) {
                out.add(new HouseholdRow(r.number, place, room, head, members, phone.isEmpty() ? null : phone, groups));
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportException(problems);
        }
        return out;
    }

    /** {@code YYYY-MM-DD} or {@code YYYY/M/D}: a real day, not in the future, not before 1900. */
    private static LocalDate date(Row r, String column) {
        Matcher m = DATE.matcher(r.get(column));
        if (!m.matches()) {
            r.bad(column, "日期须为 YYYY-MM-DD 或 YYYY/M/D / a date must be YYYY-MM-DD or YYYY/M/D");
            return null;
        }
        int o = m.group(1) != null ? 1 : 4;
        try {
            LocalDate d = LocalDate.of(Integer.parseInt(m.group(o)), Integer.parseInt(m.group(o + 1)),
                    Integer.parseInt(m.group(o + 2)));
            if (d.isAfter(LocalDate.now(Days.CHINA)) || d.getYear() < 1900) {
                r.bad(column, "日期不合理 / not a plausible birth date");
                return null;
            }
            return d;
        } catch (DateTimeException e) {
            r.bad(column, "没有这一天 / no such day");
            return null;
        }
    }

    private static Boolean yesNo(Row r, String column) {
        return switch (r.get(column).toLowerCase(java.util.Locale.ROOT)) {
            case "是", "true", "1" -> true;
            case "否", "false", "0" -> false;
            default -> {
                r.bad(column, "须为 是|否 (true|false, 1|0) / must be 是|否 (true|false, 1|0)");
                yield null;
            }
        };
    }
}
