package org.loumen.core.model;

/** 性别. */
public enum Gender implements Labelled {
    MALE("男", "M"), FEMALE("女", "F");

    private final String zh;
    private final String alias;

    Gender(String zh, String alias) {
        this.zh = zh;
        this.alias = alias;
    }

    @Override
    public String zh() {
        return zh;
    }

    @Override
    public String[] aliases() {
        return new String[] { alias };
    }
}
