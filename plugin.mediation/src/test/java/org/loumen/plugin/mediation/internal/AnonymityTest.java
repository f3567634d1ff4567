package org.loumen.plugin.mediation.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.loumen.web.ApiException;

/** The initials rule: parties are places, roles, initials or a surname with 某 — never a full name or a number. */
class AnonymityTest {

    @ParameterizedTest
    @ValueSource(strings = { "3单元501住户与401住户", "楼上住户与楼下住户", "张某与李某", "王女士（2单元）与物业公司",
        "住户W与租户L", "W.F. 与 L", "高层住户与低层住户", "房东与租客", "李大爷与邻居", "5单元302户老两口与儿子",
        "夫妻双方", "1单元底层商户与2楼住户", "业主委员会与物业公司", "陈先生与刘阿姨", "赵家与钱家" })
    void describedWithoutNamesIsAccepted(String parties) {
        assertDoesNotThrow(() -> Anonymity.parties("parties", parties));
    }

    @ParameterizedTest
    @ValueSource(strings = { "张伟与李娜", "王建国", "3单元住户刘德华与邻居", "楼上的陈小明", "业主黄志强和物业",
        "Wang Fang and Li Na", "Zhang Wei" })
    void aFullNameIsRefused(String parties) {
        ApiException e = assertThrows(ApiException.class, () -> Anonymity.parties("parties", parties));
        assertEquals("parties", e.field());
        assertEquals(400, e.status());
    }

    @ParameterizedTest
    @ValueSource(strings = { "住户（13812345678）与邻居", "138-1234-5678 与 401", "身份证110101199003071234的住户",
        "11010119900307123X", "电话 022 2345 6789" })
    void anIdCardOrPhoneNumberIsRefused(String parties) {
        ApiException e = assertThrows(ApiException.class, () -> Anonymity.parties("parties", parties));
        assertEquals("parties", e.field());
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "  " })
    void partiesAreRequired(String parties) {
        assertEquals("parties", assertThrows(ApiException.class, () -> Anonymity.parties("parties", parties)).field());
    }

    @org.junit.jupiter.api.Test
    void roomNumbersAndSumsAreNotPhoneNumbers() {
        assertDoesNotThrow(() -> Anonymity.numbers("summary", "2单元301室与401室，赔偿2000元，2026-11-20 约谈"));
        assertEquals("summary", assertThrows(ApiException.class, () -> Anonymity.numbers("summary",
                "联系 13900001111")).field());
    }
}
