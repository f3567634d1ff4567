package org.loumen.core.model;

/** 社区 (run by a residents' committee 居委会) or 村 (run by a villagers' committee 村委会). */
public enum CommunityKind {
    COMMUNITY,
    VILLAGE
}
