package org.loumen.core.notify.internal;

import java.util.Map;

import org.loumen.core.model.OrganisationService;

/**
 * The words of the platform's own notices, Chinese first. Places by name (public: community names), objects by
 * number; never a household's or resident's details.
 */
final class Texts {

    private static final Map<String, String> URGENCY = Map.of("NORMAL", "一般", "URGENT", "紧急", "MAJOR", "重大");
    private static final Map<String, String> STATUS = Map.of("REPORTED", "待受理", "ACCEPTED", "已受理", "ASSIGNED",
            "办理中", "REOPENED", "重新办理");

    private final OrganisationService organisation;

    Texts(OrganisationService organisation) {
        this.organisation = organisation;
    }

    /** The community's name and code, e.g. {@code 港湾家园（120112103001）}. */
    String community(String code) {
        String name = null;
        try {
            name = organisation.community(code).map(c -> c.name()).orElse(null);
        } catch (RuntimeException e) {
            // the name is a courtesy: the code alone still says where
        }
        return name == null ? code : name + "（" + code + "）";
    }

    /** The duty's Chinese name (五员), e.g. 平安稳定巡查员. */
    String duty(Object d) {
        try {
            return org.loumen.core.model.Duty.valueOf(String.valueOf(d)).zh();
        } catch (IllegalArgumentException e) {
            return String.valueOf(d);
        }
    }

    String urgency(String u) {
        return URGENCY.getOrDefault(u, u);
    }

    String status(String s) {
        return STATUS.getOrDefault(s, s);
    }
}
