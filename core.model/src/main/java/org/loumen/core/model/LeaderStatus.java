package org.loumen.core.model;

/**
 * Where a leader stands in the lifecycle (core.workflow enforces the moves): NOMINATED → APPROVED | REJECTED →
 * IN_TRAINING → CERTIFIED → IN_SERVICE (ACTIVE, on assignment) → SUSPENDED | RESIGNED | NOT_REAPPOINTED. Leaders
 * imported or registered directly are already IN_SERVICE.
 */
public enum LeaderStatus implements Labelled {
    /** 已提名 (自荐 or 推荐). */
    NOMINATED("已提名"),
    /** 居(村)民代表会议通过. */
    APPROVED("已通过"),
    /** 居(村)民代表会议未通过. */
    REJECTED("未通过"),
    /** 入职培训中. */
    IN_TRAINING("培训中"),
    /** 培训合格，已发工作证与袖标. */
    CERTIFIED("已持证"),
    /** 在任 (ACTIVE): serving on an assignment. */
    IN_SERVICE("在任"),
    /** 暂停履职. */
    SUSPENDED("暂停"),
    /** 辞任. */
    RESIGNED("辞任"),
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
