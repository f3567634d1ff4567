package org.loumen.core.model;

/** Whether a leader serves. The steps before service (nomination, approval, training) come with core.workflow. */
public enum LeaderStatus implements Labelled {
    /** 在任. */
    IN_SERVICE("在任"),
    /** 离任: retired or resigned; the record and its history stay. */
    RETIRED("离任"),
    /** 不再选任: satisfaction under 60% in the semi-annual evaluation; the record and its history stay. */
    NOT_REAPPOINTED("不再选任");

    private final String zh;

    LeaderStatus(String zh) {
        this.zh = zh;
    }

    @Override
    public String zh() {
        return zh;
    }
}
