package org.loumen.plugin.mediation.internal;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.loumen.web.ApiException;

/**
 * The rule that keeps people out of the dispute records (当事人信息脱敏): parties are described by their place or role
 * (楼上住户、2单元301住户、物业公司) and at most by initials (W、WF) or a surname with 某 (王某、李女士). Refused: anything
 * that looks like an ID card or phone number (seven digits or more, separators aside), a full name in pinyin (Wang
 * Fang), or a Chinese full name (a common surname and one or two characters that are not a title: 张伟、李秀英).
 * A rule of thumb, not a proof: it errs on the side of refusing, and the message says how to write it instead.
 */
final class Anonymity {

    /** Seven digits or more, spaces and dashes between them allowed: phones, ID numbers, bank cards. */
    private static final Pattern NUMBER = Pattern.compile("\\d(?:[\\s\\-－]*\\d){6,}");
    /** Dates (2026-11-20, 2026.11.20, 2026/11/20) are not numbers of a person. */
    private static final Pattern DATE = Pattern.compile("\\d{4}[-./]\\d{1,2}[-./]\\d{1,2}");
    /** An ID card's last character may be X. */
    private static final Pattern ID_CARD = Pattern.compile("\\d{17}[\\dXx]");
    /** Two capitalised Latin words: a name in pinyin or English (Wang Fang, Zhang Xiuying). */
    private static final Pattern LATIN_NAME = Pattern.compile("\\b[A-Z][a-z]{1,}\\s+[A-Z][a-z]{1,}\\b");
    /** A run of Han characters. */
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}+");
    /** What separates parties or a party's place from the person: 与 和 及 跟 同 对 的 、 and places (室 号 楼 栋 门). */
    private static final Pattern SEPARATOR = Pattern.compile("[与和及跟同对的、室号楼栋门户层]|单元|住户|业主|租户|居民");

    /** The commonest surnames (about 85 % of people), one character each. */
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋"
            + "蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵严覃武戴"
            + "莫孔汤常康易乔赖文";

    /** What may follow a surname without making a name: 某, titles and kinship words. */
    private static final List<String> TITLES = List.of("某", "先生", "女士", "小姐", "师傅", "阿姨", "大爷", "大妈",
            "大娘", "奶奶", "爷爷", "老师", "大姐", "大哥", "阿婆", "老汉", "老太", "家", "氏", "姓", "总", "哥", "姐", "叔",
            "婶", "伯", "姨", "工", "同志", "经理", "老板", "医生", "一家", "户");

    /** Ordinary words that begin with a surname's character. */
    private static final Set<String> WORDS = Set.of("马桶", "方面", "高层", "高龄", "白天", "石材", "江边", "黄昏", "周边",
            "周末", "陈旧", "程序", "董事", "任何", "许多", "余下", "叶子", "常住", "常年", "康复", "易燃", "文明", "孔洞",
            "龙头", "毛坯", "史料", "高空", "高处", "曾经", "杨树", "林木", "石头", "田地", "江水", "雷雨", "严重", "武警",
            "乔木", "邵家", "方向", "孟春", "熊孩子", "付款", "罗列", "梁上", "夏天", "夏季", "沈阳");

    private Anonymity() {
    }

    /**
     * Checks a description of the parties to a dispute.
     *
     * @throws ApiException 400 naming the field when it is missing, too long, or looks like it names someone
     */
    static String parties(String field, String text) throws ApiException {
        if (text == null || text.isBlank() || text.strip().length() > 200) {
            throw ApiException.invalidField(field, "须为 1–200 个字 / " + field + " must have 1 to 200 characters");
        }
        String t = text.strip();
        numbers(field, t);
        if (LATIN_NAME.matcher(t).find()) {
            throw named(field);
        }
        Matcher han = HAN.matcher(t);
        while (han.find()) {
            for (String part : SEPARATOR.split(han.group())) {
                if (looksLikeName(part)) {
                    throw named(field);
                }
            }
        }
        return t;
    }

    /**
     * Checks free text (a summary, notes) for ID card and phone numbers only: names there are the writer's business,
     * numbers never are.
     *
     * @throws ApiException 400 naming the field
     */
    static void numbers(String field, String text) throws ApiException {
        String t = text == null ? null : DATE.matcher(text).replaceAll(" ");
        if (t != null && (NUMBER.matcher(t).find() || ID_CARD.matcher(t).find())) {
            throw ApiException.invalidField(field, "不能包含身份证号、电话号码等号码 / " + field + " must not contain ID "
                    + "card or phone numbers");
        }
    }

    /** Two or three Han characters: a common surname and a given name (not 某, not a title). */
    static boolean looksLikeName(String part) {
        if (part.length() < 2 || part.length() > 3 || SURNAMES.indexOf(part.charAt(0)) < 0 || WORDS.contains(part)) {
            return false;
        }
        String rest = part.substring(1);
        if (rest.contains("某") || rest.contains("X") || TITLES.stream().anyMatch(rest::startsWith)) {
            return false;
        }
        return WORDS.stream().noneMatch(part::startsWith);
    }

    private static ApiException named(String field) {
        return ApiException.invalidField(field, "请不要写当事人姓名：写作“王某”“李女士”、首字母（W）或“2单元301住户” / "
                + field + " must not name people: use a surname with 某, initials (W) or the place (unit 2, room 301)");
    }
}
