package org.loumen.core.model;

/** How a leader was put forward (产生方式). */
public enum Nomination implements Labelled {
    /** 自荐. */
    SELF("自荐"),
    /** 推荐. */
    RECOMMENDED("推荐");

    private final String zh;

    Nomination(String zh) {
        this.zh = zh;
    }

    @Override
    public String zh() {
        return zh;
    }
}
