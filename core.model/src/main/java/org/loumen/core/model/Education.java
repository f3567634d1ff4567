package org.loumen.core.model;

/** 文化程度, in ascending order. */
public enum Education implements Labelled {
    PRIMARY("小学"), JUNIOR_HIGH("初中"), SENIOR_HIGH("高中"), SECONDARY_VOCATIONAL("中专"),
    JUNIOR_COLLEGE("大专"), BACHELOR("本科"), MASTER("硕士"), DOCTORATE("博士");

    private final String zh;

    Education(String zh) {
        this.zh = zh;
    }

    @Override
    public String zh() {
        return zh;
    }

    /** 大专及以上: junior college, bachelor, master, doctorate. */
    public boolean collegeOrAbove() {
        return compareTo(JUNIOR_COLLEGE) >= 0;
    }
}
