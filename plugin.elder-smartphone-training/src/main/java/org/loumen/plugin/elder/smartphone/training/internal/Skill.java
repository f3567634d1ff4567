package org.loumen.plugin.elder.smartphone.training.internal;

/** What a course teaches (培训内容). */
enum Skill {
    /** 健康码与就医挂号 */
    HEALTH_CODE,
    /** 移动支付 */
    MOBILE_PAYMENT,
    /** 视频通话 */
    VIDEO_CALL,
    /** 网上办事 */
    ONLINE_SERVICES,
    /** 防范电信诈骗 */
    FRAUD_PREVENTION
}
