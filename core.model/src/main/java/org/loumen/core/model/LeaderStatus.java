package org.loumen.core.model;

/** Whether a leader serves. The steps before service (nomination, approval, training) come with core.workflow. */
public enum LeaderStatus implements Labelled {
    /** 在任. */
    IN_SERVICE("在任"),
    /** 离任: retired, not re-appointed or resigned; the record and its history stay. */
    RETIRED("离任");

    private final String zh;

    LeaderStatus(String zh) {
        this.zh = zh;
    }

    @Override
    public String zh() {
        return zh;
    }
}
