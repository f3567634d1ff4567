package org.loumen.programme.data;

/**
 * The kinds of personal data a programme may declare that it reads ({@code routes.reads(...)}), each shown to a
 * street admin (in Chinese and English) before they enable the programme.
 */
public enum PersonalData {
    /** Leaders' names, status and the buildings and units they serve (楼门栋长姓名及负责楼栋、楼门). */
    LEADER_NAMES("楼门栋长姓名及负责的楼栋、楼门", "leaders' names and the buildings and units they serve"),
    /** Leaders' phone numbers, unmasked (楼门栋长手机号). Needs {@link #LEADER_NAMES}. */
    LEADER_PHONES("楼门栋长手机号（完整）", "leaders' phone numbers, unmasked"),
    /** Households: room, head of household, members, phone (住户信息). */
    HOUSEHOLDS("住户信息（房号、户主、人数、电话）", "households: room, head, members, phone"),
    /**
     * Households' special-group tags (特殊困难群体标记: elderly alone, disabled...). Needs {@link #HOUSEHOLDS}; given
     * only to callers whose role cares for the household (its community's secretary, a leader of its building or
     * unit), like everywhere else in the platform.
     */
    HOUSEHOLD_GROUPS("住户特殊群体标记（独居老人、残疾人等）", "households' special-group tags (elderly alone, disabled...)");

    private final String zh;
    private final String en;

    PersonalData(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    /** What it is, in Chinese. */
    public String zh() {
        return zh;
    }

    /** What it is, in English. */
    public String en() {
        return en;
    }
}
