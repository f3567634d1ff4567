package org.loumen.core.model;

/** What a leader is responsible for: one unit (楼门长) or a whole building (栋长). */
public enum LeaderRole implements Labelled {
    UNIT_LEADER("楼门长"), BUILDING_LEADER("栋长");

    private final String zh;

    LeaderRole(String zh) {
        this.zh = zh;
    }

    @Override
    public String zh() {
        return zh;
    }
}
