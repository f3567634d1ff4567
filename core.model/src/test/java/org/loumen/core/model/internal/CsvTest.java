package org.loumen.core.model.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.loumen.core.model.ImportException;

class CsvTest {

    static final String TEXT = "street,name\n双港镇,\"王秀英, 楼门长\"\n";

    @Test
    void encodingsAreDetected() throws ImportException {
        byte[] bom = ("\uFEFF" + TEXT).getBytes(StandardCharsets.UTF_8);
        byte[] utf8 = TEXT.getBytes(StandardCharsets.UTF_8);
        byte[] gbk = TEXT.getBytes(Charset.forName("GBK"));
        byte[] gb18030 = TEXT.getBytes(Csv.GB18030);
        for (byte[] bytes : List.of(bom, utf8, gbk, gb18030)) {
            assertEquals(TEXT, Csv.decode(bytes));
            Csv.Table t = Csv.parse(bytes, List.of("street", "name"));
            assertEquals("双港镇", t.cell(t.rows().get(0), "street"));
            assertEquals("王秀英, 楼门长", t.cell(t.rows().get(0), "name"), "quoted comma");
        }
    }

    @Test
    void headersAreCaseAndSpaceInsensitive() throws ImportException {
        Csv.Table t = Csv.parse(" Street ,NAME\r\n双港镇,王\r\n".getBytes(StandardCharsets.UTF_8),
                List.of("street", "name"));
        assertEquals("王", t.cell(t.rows().get(0), "name"));
    }

    @Test
    void exportsHaveABomAndDefuseFormulas() {
        byte[] out = Csv.write(List.of("name", "note"), List.of(List.of("=HYPERLINK(\"x\")", "+1"),
                List.of("-2", "@SUM(A1)"), List.of("王秀英", "a,b")));
        assertArrayEquals(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, java.util.Arrays.copyOf(out, 3));
        String text = new String(out, 3, out.length - 3, StandardCharsets.UTF_8);
        assertEquals("name,note\r\n\"'=HYPERLINK(\"\"x\"\")\",'+1\r\n'-2,'@SUM(A1)\r\n王秀英,\"a,b\"\r\n", text);
        assertTrue(Csv.safe("\tcmd").startsWith("'"));
        assertEquals("13812345678", Csv.safe("13812345678"));
    }
}
