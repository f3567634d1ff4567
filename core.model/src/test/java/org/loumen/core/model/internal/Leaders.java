package org.loumen.core.model.internal;

import java.time.LocalDate;

import org.loumen.core.model.Education;
import org.loumen.core.model.Gender;
import org.loumen.core.model.LeaderStatus;
import org.loumen.core.model.Nomination;

/** Leader entities for unit tests, without a database. */
final class Leaders {

    private Leaders() {
    }

    static LeaderEntity zhang() {
        LeaderEntity l = new LeaderEntity();
        l.id = 42L;
        l.name = "张秀兰";
        l.gender = Gender.FEMALE.name();
        l.birthDate = LocalDate.of(1958, 3, 12);
        l.education = Education.SENIOR_HIGH.name();
        l.partyMember = true;
        l.phone = "13812341234";
        l.nomination = Nomination.RECOMMENDED.name();
        l.liaison = false;
        l.status = LeaderStatus.IN_SERVICE.name();
        l.street = "120112103";
        l.community = "120112103001";
        l.workId = "JN-0042";
        l.version = 3;
        return l;
    }
}
