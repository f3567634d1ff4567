package org.loumen.core.model;

/**
 * Special and vulnerable groups (特殊、困难群体) a household belongs to. Sensitive: never in public output, and only
 * for roles that care for them.
 */
public enum SpecialGroup implements Labelled {
    ELDERLY_LIVING_ALONE("独居老人"), EMPTY_NEST_ELDERLY("空巢老人"), DISABLED("残疾人"), LOW_INCOME("低保"),
    ENTITLED_GROUP("优抚对象"), CHILD_IN_DIFFICULTY("困境儿童"), SERIOUS_ILLNESS("大病患者"),
    EXTREME_POVERTY("特困人员");

    private final String zh;

    SpecialGroup(String zh) {
        this.zh = zh;
    }

    @Override
    public String zh() {
        return zh;
    }
}
