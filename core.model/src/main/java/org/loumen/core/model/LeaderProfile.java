package org.loumen.core.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The district's headline figures about its leaders (楼门栋长队伍结构) on a day. The population is the leaders with an
 * assignment in force that day (an unknown start counts as in force). Age is in completed years on {@code asOf};
 * under 60 means younger than 60. College or above is 大专, 本科, 硕士 or 博士. Percentages are count / total x 100,
 * rounded half-up to two decimals (0.00 when there is nobody). Liaisons are the leaders who are also the party-building
 * liaison (党建联络员, "一肩挑").
 */
public record LeaderProfile(LocalDate asOf, Figures figures, List<StreetFigures> byStreet, Coverage coverage) {

    /** The counts for one population; {@code liaisons} and {@code liaisonShare} since 1.3. */
    public record Figures(int total, int under60, BigDecimal under60Percent, int collegeOrAbove,
            BigDecimal collegeOrAbovePercent, int masters, int doctorates, int partyMembers,
            BigDecimal partyMembersPercent, int liaisons, BigDecimal liaisonShare) {

        /** Figures without the liaison count. */
        public Figures(int total, int under60, BigDecimal under60Percent, int collegeOrAbove,
                BigDecimal collegeOrAbovePercent, int masters, int doctorates, int partyMembers,
                BigDecimal partyMembersPercent) {
            this(total, under60, under60Percent, collegeOrAbove, collegeOrAbovePercent, masters, doctorates,
                    partyMembers, partyMembersPercent, 0, BigDecimal.ZERO.setScale(2));
        }
    }

    public record StreetFigures(String street, String name, Figures figures) {
    }

    /** Units and buildings with and without a leader in force. */
    public record Coverage(Counts units, Counts buildings, List<PlaceCoverage> byStreet) {
    }

    public record Counts(int total, int withLeader, int withoutLeader) {
    }

    /** Coverage of a street, and of each of its communities. */
    public record PlaceCoverage(String code, String name, Counts units, Counts buildings,
            List<PlaceCoverage> communities) {
    }
}
