package org.loumen.plugin.my.building.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.loumen.web.ApiException;

class RulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 5, 20);

    @Test
    void aRedemptionNeverOverdrawsNorTakesTheStockBelowZero() {
        assertTrue(Rules.mayRedeem(50, 1, 50, 1));
        assertFalse(Rules.mayRedeem(49, 1, 50, 1), "one point short");
        assertFalse(Rules.mayRedeem(100, 1, 50, 2), "one in stock, two asked");
        assertFalse(Rules.mayRedeem(100, 5, 50, 0), "nothing asked");
        // a random sequence of credits and redemptions, applied only when allowed, keeps balance = sum of the ledger
        Random random = new Random(14);
        List<Long> ledger = new ArrayList<>();
        long balance = 0;
        int stock = 20;
        for (int i = 0; i < 10_000; i++) {
            if (random.nextBoolean()) {
                long credit = 1 + random.nextInt(5);
                ledger.add(credit);
                balance += credit;
            } else {
                int price = 1 + random.nextInt(30);
                int quantity = 1 + random.nextInt(3);
                if (Rules.mayRedeem(balance, stock, price, quantity)) {
                    ledger.add(-(long) price * quantity);
                    balance -= (long) price * quantity;
                    stock -= quantity;
                }
            }
            assertTrue(balance >= 0 && stock >= 0);
            assertEquals(balance, Rules.balance(ledger), "the balance is the sum of the entries");
        }
    }

    @Test
    void theRankingIsByPointsPerHouseholdThenSafetyChecks() {
        List<Rules.Standing> ranked = Rules.rank(List.of(
                new Rules.Standing("U1", "1号楼1单元", 4, 40, 2), // 10.00
                new Rules.Standing("U2", "1号楼2单元", 3, 36, 0), // 12.00
                new Rules.Standing("U3", "2号楼1单元", 4, 40, 5), // 10.00, more checks than U1
                new Rules.Standing("U4", "2号楼2单元", 0, 0, 3))); // no households known: 0
        assertEquals(List.of("U2", "U3", "U1", "U4"), ranked.stream().map(Rules.Standing::unit).toList());
        assertEquals("12.00", ranked.get(0).perHousehold().toPlainString());
        assertEquals("3.33", new Rules.Standing("U", "", 3, 10, 0).perHousehold().toPlainString(), "two decimals");
        assertEquals("6.67", new Rules.Standing("U", "", 3, 20, 0).perHousehold().toPlainString(), "half up");
    }

    @Test
    void badBodiesNameTheirField() {
        assertEquals("kind", field(() -> Rules.check(new Rules.NewDuty(null, null, TODAY, null, null), TODAY)));
        assertEquals("dueOn", field(() -> Rules.check(new Rules.NewDuty(Rules.DutyKind.NOTICES, null, TODAY
                .plusYears(2), null, null), TODAY)));
        assertEquals("weeks", field(() -> Rules.check(new Rules.NewDuty(Rules.DutyKind.NOTICES, null, TODAY, null, 13),
                TODAY)));
        LocalDateTime now = TODAY.atTime(10, 0);
        assertEquals("capacity", field(() -> Rules.check(new Rules.NewActivity(Rules.Category.CULTURE, "书画", "大厅",
                now.plusDays(1), 0), now)));
        assertEquals("place", field(() -> Rules.check(new Rules.NewActivity(Rules.Category.CULTURE, "书画", " ",
                now.plusDays(1), 5), now)));
        assertEquals("delta", field(() -> Rules.check(new Rules.Correction(1L, 0L, "错记"))));
        assertEquals("note", field(() -> Rules.check(new Rules.Correction(1L, -5L, null))));
        assertEquals("quantity", field(() -> Rules.check(new Rules.Redemption(1L, 1L, 0))));
        assertEquals("stock", field(() -> Rules.check(new Rules.NewItem("120112103001", "大米", 50, -1))));
        assertEquals("phone", field(() -> Rules.phone("phone", "12345")));
        assertEquals("room", field(() -> Rules.room("room", "3<01", true)));
        assertEquals("people", field(() -> Rules.people(11)));
        assertEquals("month", field(() -> Rules.month("month", "2026-13", TODAY)));
        assertEquals("month", field(() -> Rules.month("month", "2026-06", TODAY)), "a month to come");
        assertEquals(YearMonth.of(2026, 5), assertDoesNotThrow(() -> Rules.month("month", null, TODAY)));
    }

    @Test
    void householdCodesForgiveWhatPeopleTypeAndRefuseTheRest() {
        String code = Codes.fresh();
        assertEquals(8, code.length());
        assertEquals(code, Codes.normalise(Codes.show(code).toLowerCase()));
        assertEquals("K3M97QXD", Codes.normalise(" k3m9-7qxd "));
        assertEquals("0110K3M9", Codes.normalise("OIL0-K3M9"), "O/0 and I/L/1");
        assertNull(Codes.normalise("K3M9-7QX"), "too short");
        assertNull(Codes.normalise("K3M9-7QXU"), "U is not in the alphabet");
        assertNull(Codes.normalise(null));
    }

    @Test
    void photosAreImagesWithoutTheirMetadata() throws ApiException {
        byte[] exif = "Exif\0\0GPS-31.0N".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] jpeg = concat(new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe1, 0, (byte) (exif.length + 2) },
                exif, new byte[] { (byte) 0xff, (byte) 0xda, 0, 2, 1, 2, 3, (byte) 0xff, (byte) 0xd9 });
        Photos.Photo p = Photos.check(jpeg);
        assertEquals("image/jpeg", p.contentType());
        assertFalse(new String(p.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1).contains("GPS"));
        assertEquals(415, assertThrows(ApiException.class, () -> Photos.check("%PDF-1.4 not an image".getBytes()))
                .status());
        assertEquals(413, assertThrows(ApiException.class, () -> Photos.check(new byte[Rules.MAX_PHOTO_BYTES + 1]))
                .status());
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private interface Call {
        void run() throws ApiException;
    }

    private interface Get<T> {
        T get() throws ApiException;
    }

    private static <T> T assertDoesNotThrow(Get<T> g) {
        try {
            return g.get();
        } catch (ApiException e) {
            throw new AssertionError(e);
        }
    }

    private static String field(Call c) {
        ApiException e = assertThrows(ApiException.class, c::run);
        assertEquals(400, e.status());
        return e.field();
    }
}
