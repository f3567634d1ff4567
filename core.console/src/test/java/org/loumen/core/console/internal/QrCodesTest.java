package org.loumen.core.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class QrCodesTest {

    /** The dark modules the path draws, as a size×size grid. */
    static boolean[][] draw(QrCodes.Qr qr) {
        boolean[][] g = new boolean[qr.size()][qr.size()];
        Matcher m = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-(\\d+)z").matcher(qr.path());
        int end = 0;
        while (m.find()) {
            assertEquals(end, m.start(), "the path is only runs of squares");
            end = m.end();
            int x = Integer.parseInt(m.group(1));
            int y = Integer.parseInt(m.group(2));
            int w = Integer.parseInt(m.group(3));
            assertEquals(w, Integer.parseInt(m.group(4)));
            for (int i = 0; i < w; i++) {
                g[y][x + i] = true;
            }
        }
        assertEquals(qr.path().length(), end);
        return g;
    }

    @Test
    void aUnitAddressIsAVersion2CodeWithItsQuietZoneAndFinderPatterns() {
        QrCodes.Qr qr = QrCodes.encode("https://loumen.example.cn/u/120112103001B001U01");
        boolean[][] g = draw(qr);
        int n = qr.size() - 2 * QrCodes.QUIET;
        assertEquals(0, (n - 17) % 4, "a QR side is 17 + 4·version modules");
        for (int i = 0; i < qr.size(); i++) {
            for (int q = 0; q < QrCodes.QUIET; q++) {
                assertTrue(!g[q][i] && !g[i][q] && !g[qr.size() - 1 - q][i] && !g[i][qr.size() - 1 - q],
                        "quiet zone is blank");
            }
        }
        // the top-left finder pattern: a dark 7×7 ring, a light ring, a dark 3×3 centre
        int o = QrCodes.QUIET;
        assertTrue(g[o][o] && g[o][o + 6] && g[o + 6][o] && g[o + 6][o + 6]);
        assertTrue(!g[o + 1][o + 1] && g[o + 3][o + 3] && g[o + 2][o + 2]);
    }

    @Test
    void chineseTextFits() {
        QrCodes.Qr qr = QrCodes.encode("港湾家园".repeat(100));
        assertTrue(qr.size() > 50);
    }

    @Test
    void aBaseUrlIsKeptOnlyWhenItIsAnHttpAddress() {
        assertEquals("https://loumen.jinnan.gov.cn", ConsoleResource.normalise(" https://loumen.jinnan.gov.cn/ "));
        assertEquals("http://10.1.2.3:8080/lm", ConsoleResource.normalise("http://10.1.2.3:8080/lm"));
        assertEquals("", ConsoleResource.normalise("javascript:alert(1)"));
        assertEquals("", ConsoleResource.normalise("https://a.cn/\"><x"));
        assertEquals("", ConsoleResource.normalise(null));
    }
}
