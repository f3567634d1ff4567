package org.loumen.security;

/** What a user does at their place in the organisation tree. */
public enum Role {
    /** 区级管理员: runs the whole district. */
    DISTRICT_ADMIN("区级管理员"),
    /** 街道（镇）管理员: runs one street and its own programmes. */
    STREET_ADMIN("街道管理员"),
    /** 社区书记: runs leaders, meetings and evaluations of one community. */
    COMMUNITY_SECRETARY("社区书记"),
    /** 楼门栋长: their own record, units and reports. */
    LEADER("楼门栋长"),
    /** 审计员: reads the audit log only and changes nothing (separation of duties, 三权分立). */
    AUDITOR("审计员");

    private final String zh;

    Role(String zh) {
        this.zh = zh;
    }

    /** The Chinese name shown to people. */
    public String zh() {
        return zh;
    }

    /**
     * Whether a holder of this role may grant {@code other} within their own scope. Each role manages only the roles
     * below it; only a district admin appoints auditors and other district admins.
     */
    public boolean mayGrant(Role other) {
        return switch (this) {
            case DISTRICT_ADMIN -> true;
            case STREET_ADMIN -> other == COMMUNITY_SECRETARY || other == LEADER;
            case COMMUNITY_SECRETARY -> other == LEADER;
            case LEADER, AUDITOR -> false;
        };
    }
}
