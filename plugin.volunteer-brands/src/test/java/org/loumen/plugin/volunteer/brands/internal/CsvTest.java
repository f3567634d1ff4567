package org.loumen.plugin.volunteer.brands.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void utf8WithBomQuotedAndFormulaSafe() {
        byte[] bytes = Csv.write(List.of("品牌", "内容"), List.of(List.of("爱心妈妈帮帮团", "=HYPERLINK(\"x\")"),
                List.of("+1", "包饺子, 送上门"), List.of("@a", "-2")));
        assertEquals((byte) 0xEF, bytes[0]);
        assertEquals((byte) 0xBB, bytes[1]);
        assertEquals((byte) 0xBF, bytes[2]);
        assertEquals("\uFEFF品牌,内容\r\n爱心妈妈帮帮团,\"'=HYPERLINK(\"\"x\"\")\"\r\n'+1,\"包饺子, 送上门\"\r\n'@a,'-2\r\n",
                new String(bytes, StandardCharsets.UTF_8));
    }
}
