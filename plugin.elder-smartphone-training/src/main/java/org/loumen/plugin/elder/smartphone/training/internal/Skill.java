package org.loumen.plugin.elder.smartphone.training.internal;

import java.util.List;

/** What a course teaches (培训内容): each is one line of a trainee's skills checklist (技能清单). */
enum Skill {
    /** 健康码 */
    HEALTH_CODE("健康码", "Health code"),
    /** 移动支付 */
    MOBILE_PAYMENT("移动支付", "Mobile payment"),
    /** 视频通话 */
    VIDEO_CALL("视频通话", "Video calls"),
    /** 网约车 */
    RIDE_HAILING("网约车", "Ride hailing"),
    /** 预约挂号 */
    HOSPITAL_APPOINTMENT("预约挂号", "Hospital appointments"),
    /** 防诈骗 */
    FRAUD_PREVENTION("防诈骗", "Anti-fraud"),
    /** 网上办事: taught by courses of the first version; kept so their checklists stay readable, not offered anew. */
    ONLINE_SERVICES("网上办事", "Online public services");

    /** The checklist of a new course: the six skills a street office teaches today. */
    static final List<Skill> CHECKLIST = List.of(HEALTH_CODE, MOBILE_PAYMENT, VIDEO_CALL, RIDE_HAILING,
            HOSPITAL_APPOINTMENT, FRAUD_PREVENTION);

    final String zh;
    final String en;

    Skill(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }
}
