package org.loumen.core.model;

/** The five duties of a leader (五员), a taxonomy other modules tag reports, meetings and activities with. */
public enum Duty implements Labelled {
    POLICY_PUBLICIST("政策法规宣传员"), OPINION_INFORMANT("社情民意信息员"), DISPUTE_MEDIATOR("矛盾化解调处员"),
    SAFETY_PATROLLER("平安稳定巡查员"), SANITATION_SUPERVISOR("环境卫生监督员");

    private final String zh;

    Duty(String zh) {
        this.zh = zh;
    }

    @Override
    public String zh() {
        return zh;
    }
}
