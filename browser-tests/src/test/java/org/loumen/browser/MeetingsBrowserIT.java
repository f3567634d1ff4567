package org.loumen.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** 例会: the secretary schedules and records a weekly liaison meeting; the street sees which communities miss theirs. */
class MeetingsBrowserIT extends WorkBase {

    static final String GANGWAN = "120112103001";

    @Test
    void theSecretarySchedulesAndRecordsAMeetingWithAttendance() throws Exception {
        List<Long> leaders = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (JsonNode l : platform.get("gangwan", "/api/v1/leaders?community=" + GANGWAN + "&size=200&sort=name")
                .get("items")) {
            if (l.get("status").asText().equals("IN_SERVICE") && leaders.size() < 3) {
                leaders.add(l.get("id").asLong());
                names.add(l.get("name").asText());
            }
        }
        Browser b = browser("meetings", Browser.DESKTOP);
        MeetingsPage list = new MeetingsPage(b, platform);
        list.signIn("gangwan");
        list.openList();
        assertTrue(list.cadence().get(0).contains("有缺会"), list.cadence().toString());
        b.shot("1-cadence-secretary");
        b.assertAccessible("meetings");

        long id = list.scheduleToday("WEEKLY");
        MeetingPage meeting = new MeetingPage(b, platform);
        meeting.waitText("meeting-state", "待召开");
        b.shot("2-scheduled");
        b.assertAccessible("record form");
        meeting.attended(leaders.get(0)).attended(leaders.get(1)).attended(leaders.get(2))
                .minutes("通报本周问题时报办理情况，布置楼道清理。")
                .actionItem("物业", "周五前清理2号楼楼道杂物").save();
        assertTrue(meeting.attendees().startsWith("3 人"), meeting.attendees());
        for (String n : names) {
            assertTrue(meeting.attendees().contains(n), meeting.attendees());
        }
        assertTrue(meeting.items().contains("周五前清理2号楼楼道杂物"), meeting.items());
        b.shot("3-held");
        JsonNode held = platform.get("gangwan", "/api/v1/meetings/" + id);
        assertEquals("HELD", held.get("status").asText());
        assertEquals(3, held.get("attendees").size());

        list.openList();
        String row = list.meetings().get(0);
        assertTrue(row.contains("已召开") && row.contains("每周沟通") && row.contains("3"), row);
        b.shot("4-list");
    }

    @Test
    void theStreetSeesCommunitiesThatMissedMeetingsFirst() {
        Browser b = browser("meetings-street", Browser.DESKTOP);
        MeetingsPage list = new MeetingsPage(b, platform);
        list.signIn("shuanggang");
        list.openList();
        List<String> cadence = list.cadence();
        assertTrue(cadence.size() >= 3, cadence.toString());
        assertTrue(cadence.stream().anyMatch(r -> r.contains("春晖里") && r.contains("有缺会")), cadence.toString());
        // misses first: no community on schedule above one that missed
        boolean seenOnSchedule = false;
        for (String r : cadence) {
            seenOnSchedule |= r.contains("按时召开");
            assertTrue(!seenOnSchedule || r.contains("按时召开"), cadence.toString());
        }
        assertTrue(list.cadenceSummary().contains("个社区有缺会"), list.cadenceSummary());
        b.shot("1-cadence-street");
        b.assertAccessible("cadence");

        Browser phone = browser("meetings-phone", Browser.PHONE);
        MeetingsPage small = new MeetingsPage(phone, platform);
        small.signIn("shuanggang");
        small.openList();
        phone.shot("2-cadence-phone");
        assertAccessiblePhone(phone, "cadence on a phone");
    }
}
