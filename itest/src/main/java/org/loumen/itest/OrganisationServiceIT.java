package org.loumen.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.loumen.core.model.Community;
import org.loumen.core.model.CommunityKind;
import org.loumen.core.model.District;
import org.loumen.core.model.ModelException;
import org.loumen.core.model.NewCommunity;
import org.loumen.core.model.OrganisationService;
import org.loumen.core.model.Street;
import org.loumen.core.model.StreetKind;
import org.osgi.test.common.annotation.InjectService;

/** The organisation tree persisted through Aries JPA and EclipseLink in embedded Derby. */
class OrganisationServiceIT {

    @InjectService(timeout = 30_000)
    OrganisationService organisation;

    /** A community code under 双港镇 not used by the reference or demo data nor by earlier runs. */
    private String freshCommunityCode() {
        while (true) {
            String code = "120112103" + (500 + ThreadLocalRandom.current().nextInt(499));
            if (organisation.community(code).isEmpty()) {
                return code;
            }
        }
    }

    @Test
    void theJinnanReferenceTreeIsShipped() throws Exception {
        District district = organisation.district();
        assertEquals("120112", district.code());
        assertEquals("津南区", district.name());

        List<Street> streets = organisation.streets();
        assertEquals(15, streets.size(), streets.toString());
        Street shuanggang = organisation.street("120112103").orElseThrow();
        assertEquals("双港镇", shuanggang.name());
        assertEquals("Shuanggang Town", shuanggang.nameEn());
        assertEquals(StreetKind.TOWN, shuanggang.kind());
        assertEquals(StreetKind.SUBDISTRICT, organisation.street("120112001").orElseThrow().kind());
        assertEquals(StreetKind.OTHER, organisation.street("120112404").orElseThrow().kind());

        Community shuangzha = organisation.community("120112107210").orElseThrow();
        assertEquals("双闸村", shuangzha.name());
        assertEquals(CommunityKind.VILLAGE, shuangzha.kind());
        assertEquals("120112107", shuangzha.street());
    }

    @Test
    void demoCommunitiesAreSeededOnce() throws Exception {
        // loumen.demo=true in test.bndrun: the demo communities exist, each once
        List<Community> shuanggang = organisation.communities("120112103");
        assertEquals(1, shuanggang.stream().filter(c -> c.code().equals("120112103001")).count());
        assertTrue(shuanggang.stream().anyMatch(c -> c.name().contains("演示")));
    }

    @Test
    void addAndRenameWithOptimisticLocking() throws Exception {
        String code = freshCommunityCode();
        Community added = organisation.addCommunity(new NewCommunity(code, "  测试社区  ", null));
        assertEquals("测试社区", added.name());
        assertEquals("120112103", added.street());
        assertEquals(CommunityKind.COMMUNITY, added.kind());

        Community renamed = organisation.renameCommunity(code, "新名社区", added.version());
        assertEquals("新名社区", renamed.name());
        assertTrue(renamed.version() > added.version());
        assertEquals("新名社区", organisation.community(code).orElseThrow().name());

        // a writer holding the old version loses, and nothing changes
        ModelException stale = assertThrows(ModelException.class,
                () -> organisation.renameCommunity(code, "过期写入", added.version()));
        assertEquals(ModelException.Reason.STALE, stale.reason());
        assertEquals("新名社区", organisation.community(code).orElseThrow().name());
    }

    @Test
    void badCommunitiesAreRefusedWithTheField() throws Exception {
        ModelException e = assertThrows(ModelException.class,
                () -> organisation.addCommunity(new NewCommunity("12011210300", "x", null)));
        assertEquals(ModelException.Reason.INVALID, e.reason());
        assertEquals("code", e.field());

        e = assertThrows(ModelException.class,
                () -> organisation.addCommunity(new NewCommunity(freshCommunityCode(), " ", null)));
        assertEquals("name", e.field());

        e = assertThrows(ModelException.class,
                () -> organisation.addCommunity(new NewCommunity("120112109001", "无街道", null)));
        assertEquals(ModelException.Reason.NOT_FOUND, e.reason());

        e = assertThrows(ModelException.class,
                () -> organisation.addCommunity(new NewCommunity("120112107210", "重复", null)));
        assertEquals(ModelException.Reason.CONFLICT, e.reason());
        assertEquals("双闸村", organisation.community("120112107210").orElseThrow().name());

        e = assertThrows(ModelException.class, () -> organisation.communities("120112999"));
        assertEquals(ModelException.Reason.NOT_FOUND, e.reason());
    }
}
