package org.loumen.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * A street admin (shuanggang, 双港镇) imports spreadsheets: a file with a bad row is refused whole and its problems can
 * be downloaded; good files in UTF-8 and in GBK (as Excel saves CSV on a Chinese Windows) are imported; the register
 * is exported. A secretary exports only.
 */
class ImportBrowserIT extends BrowserTest {

    static final String ADMIN = "shuanggang";
    static final String HEADER = "street,community,building,unit,role,name,gender,birth_date,education,party_member,"
            + "phone,nomination\n";

    ImportsPage page;
    @TempDir
    Path files;

    @BeforeAll
    static void settleAccounts() throws Exception {
        platform.settle(ADMIN);
        platform.settle("gangwan");
    }

    ImportsPage signedIn(String user, TestInfo info) throws Exception {
        browser("import-" + info.getTestMethod().orElseThrow().getName(), Browser.DESKTOP);
        Path downloads = Files.createDirectories(files.resolve("downloads"));
        page = new ImportsPage(b, platform, downloads);
        page.signIn(user);
        return page.show();
    }

    long leaders() throws Exception {
        return platform.get(ADMIN, "/api/v1/leaders?size=1").get("total").asLong();
    }

    Path file(String name, String text, Charset charset) throws Exception {
        return Files.write(files.resolve(name), text.getBytes(charset));
    }

    @Test
    void aFileWithABadRowImportsNothingAndItsProblemsCanBeDownloaded(TestInfo info) throws Exception {
        long before = leaders();
        Path csv = file("楼门栋长-有误.csv", HEADER
                + "120112103,120112103002,6号楼,1单元,楼门长,顾春燕,女,1975-03-08,本科,是,13710000001,推荐\n"
                + "120112103,120112103002,6号楼,2单元,楼门长,许国栋,男,1969-11-20,高中,否,=HYPERLINK(\"x\"),自荐\n"
                + "120112103,120112103002,6号楼,,栋长,彭玉兰,女,1962-07-15,大专,是,13710000003,推荐\n",
                StandardCharsets.UTF_8);
        signedIn(ADMIN, info);
        assertTrue(page.canImport());
        page.upload(csv);
        List<List<String>> bad = page.badRows();
        assertEquals(1, bad.size(), bad.toString());
        assertEquals("3", bad.get(0).get(0));
        assertEquals("phone", bad.get(0).get(1));
        assertEquals("=HYPERLINK(\"x\")", bad.get(0).get(2));
        assertFalse(bad.get(0).get(3).isBlank());
        assertTrue(page.badRowsText().contains("未导入任何数据"), page.badRowsText());
        assertEquals(before, leaders(), "nothing is imported from a file with a bad row");
        b.shot("1-bad-rows");
        b.assertAccessible("bad rows");

        Path problems = page.downloadBadRows();
        byte[] bytes = Files.readAllBytes(problems);
        assertEquals(0xEF, bytes[0] & 0xff, "UTF-8 BOM");
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        assertTrue(text.startsWith("行号,列,内容,原因\r\n"), text);
        // formula-safe as the server's export: the cell starts with an apostrophe, quoted because of its quotes
        assertTrue(text.contains("3,phone,\"'=HYPERLINK(\"\"x\"\")\","), text);
    }

    @Test
    void goodFilesInUtf8AndGbkAreImported(TestInfo info) throws Exception {
        long before = leaders();
        Path utf8 = file("楼门栋长-UTF8.csv", "\uFEFF" + HEADER
                + "120112103,120112103002,6号楼,1单元,楼门长,顾春燕,女,1975-03-08,本科,是,13710000011,推荐\n"
                + "120112103,120112103002,6号楼,,栋长,彭玉兰,女,1962-07-15,大专,是,13710000013,推荐\n",
                StandardCharsets.UTF_8);
        signedIn(ADMIN, info);
        page.upload(utf8);
        assertEquals(2, page.imported());
        assertTrue(page.result().contains("楼栋 1 栋") && page.result().contains("单元 1 个"), page.result());
        assertEquals(before + 2, leaders());
        b.shot("1-utf8");
        b.assertAccessible("import result");

        // the same kind of file as Excel saves it on a Chinese Windows: GBK, names instead of codes, a new community
        Path gbk = file("楼门栋长-GBK.csv", HEADER
                + "双港镇,滨海新苑社区,1号楼,1单元,楼门长,龚晓东,男,1980/5/6,硕士,否,13710000021,自荐\n"
                + "双港镇,滨海新苑社区,1号楼,2单元,楼门长,蒋丽娟,女,1958/12/1,初中,是,13710000022,推荐\n"
                + "双港镇,滨海新苑社区,1号楼,,栋长,段志刚,男,1966/2/28,中专,是,13710000023,推荐\n",
                Charset.forName("GBK"));
        page.upload(gbk);
        b.wait.until(d -> page.imported() == 3);
        assertTrue(page.result().contains("社区 1 个"), page.result());
        assertEquals(before + 5, leaders());
        assertEquals(3, platform.get(ADMIN, "/api/v1/leaders?q=1371000002").get("total").asInt());
        b.shot("2-gbk");

        // households too
        page.kind("households");
        Path households = file("住户.csv", "street,community,building,unit,room,head_name,members,phone,special_groups\n"
                + "120112103,120112103002,6号楼,1单元,101,卢建国,3,13810000001,独居老人\n", StandardCharsets.UTF_8);
        page.upload(households);
        assertEquals(1, page.imported());
    }

    @Test
    void theRegisterIsExported(TestInfo info) throws Exception {
        signedIn(ADMIN, info);
        Path csv = page.exportLeaders();
        byte[] bytes = Files.readAllBytes(csv);
        assertEquals(0xEF, bytes[0] & 0xff, "UTF-8 BOM");
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        assertTrue(text.startsWith("street,community,building,unit,role,name"), text);
        List<String> lines = text.lines().skip(1).toList();
        assertFalse(lines.isEmpty());
        assertTrue(lines.stream().allMatch(l -> l.startsWith("双港镇,")), "only the admin's street: " + text);
        b.shot("export");
    }

    @Test
    void aSecretaryExportsButDoesNotImport(TestInfo info) throws Exception {
        signedIn("gangwan", info);
        assertFalse(page.canImport());
        b.shot("secretary");
        b.assertAccessible("imports (secretary)");
        String text = new String(Files.readAllBytes(page.exportLeaders()), StandardCharsets.UTF_8);
        assertTrue(text.lines().skip(1).allMatch(l -> l.startsWith("双港镇,港湾家园社区（演示）,")), text);
    }
}
