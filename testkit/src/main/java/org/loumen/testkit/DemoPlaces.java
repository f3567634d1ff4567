package org.loumen.testkit;

/**
 * The demo data's places (演示数据的地点), as the platform seeds them with {@code --demo}: the one home of these codes
 * for tests in the framework, end-to-end and in the browser, so that a test names a place and not a number.
 */
public final class DemoPlaces {

    /** 津南区, the district. */
    public static final String DISTRICT = "120112";
    /** 双港镇, a street (9 digits). */
    public static final String SHUANGGANG = "120112103";
    /** 双新街道, another street: "elsewhere" for 双港镇's people. */
    public static final String SHUANGXIN = "120112001";
    /** 港湾家园社区 in 双港镇, a community (12 digits). */
    public static final String GANGWAN = "120112103001";
    /** 春晖里社区 in 双港镇. */
    public static final String CHUNHUILI = "120112103002";
    /** 新华里社区 in 双新街道. */
    public static final String XINHUALI = "120112001001";

    private DemoPlaces() {
    }
}
