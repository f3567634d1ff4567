package org.loumen.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The households' codes behind the printed consultation slips (议事户码通知单): each code names its household's unit
 * (the resident page /u/{unit} the slip's QR code opens), they are read only by staff of that place, and the read is
 * audited as a personal-data read.
 */
class ConsultationSlipsIT extends CivicTest {

    @Test
    void codesNameTheirUnitAndAreReadOnlyInScopeWithTheReadAudited() throws Exception {
        Http secretary = sxSecretary();
        String building = XINHUALI + "B002";
        Http.Response created = secretary.json("POST", "/api/v1/communities/" + XINHUALI + "/consultations", Map.of(
                "place", building, "question", "IT 户码单：楼顶是否加装太阳能热水器？", "kind", "OPTIONS", "options",
                List.of("同意", "不同意"), "closesOn", today().plusDays(5).toString()));
        assertEquals(201, created.status(), created.body());
        long id = created.json().get("id").asLong();
        String path = "/api/v1/consultations/" + id + "/codes";

        JsonNode codes = secretary.get(path).json();
        assertEquals(created.json().get("households").asInt(), codes.size());
        for (JsonNode k : codes) {
            String unit = k.get("unit").asText();
            assertTrue(unit.matches(building + "U\\d{2}"), k.toString());
            assertTrue(k.get("code").asText().matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}"), k.toString());
        }

        // staff elsewhere do not see them; a role without the place neither
        assertEquals(404, sgAdmin().get(path).status());
        assertEquals(403, user("a20-auditor", "AUDITOR", DISTRICT).get(path).status());

        // the secretary's read is in the audit trail (the auditor reads it)
        Http.Response audit = user("a20-auditor", "AUDITOR", DISTRICT).get("/api/v1/audit?actor=civic-sx-sec&size=200");
        assertEquals(200, audit.status(), audit.body());
        assertTrue(audit.body().contains("/consultations/" + id + "/codes"), "the read of the codes is audited: "
                + audit.body().substring(0, Math.min(1500, audit.body().length())));
    }
}
