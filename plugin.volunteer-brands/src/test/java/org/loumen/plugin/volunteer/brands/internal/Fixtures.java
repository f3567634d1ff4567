package org.loumen.plugin.volunteer.brands.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Entities for the unit tests. */
final class Fixtures {

    private Fixtures() {
    }

    static BrandEntity brand(long id) {
        BrandEntity b = new BrandEntity();
        b.id = id;
        b.street = "120112103";
        b.community = "120112103001";
        b.name = "爱心妈妈帮帮团";
        return b;
    }

    static MemberEntity member(long id, String volunteerNo, LocalDate joinedOn) {
        MemberEntity m = new MemberEntity();
        m.id = id;
        m.brand = 1;
        m.kind = "RESIDENT";
        m.residentName = "居民" + id;
        m.volunteerNo = volunteerNo;
        m.joinedOn = joinedOn;
        return m;
    }

    static HoursEntity hours(long member, LocalDate day, String hours, String status, Long activity) {
        HoursEntity h = new HoursEntity();
        h.brand = 1;
        h.member = member;
        h.servedOn = day;
        h.hours = new BigDecimal(hours);
        h.status = status;
        h.activity = activity;
        h.source = activity == null ? HoursRules.SELF_REPORT : HoursRules.ACTIVITY;
        h.reportedBy = "leader-" + member;
        return h;
    }
}
