package org.loumen.plugin.mediation.internal;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/**
 * A dispute a pair took on (调解案件), through the states of {@link CaseFlow}. Version 1 columns keep their names:
 * KIND is the category, OPENED_ON the day accepted, CLOSED_ON the day of the agreement or referral, OUTCOME_NOTE the
 * agreement's terms or the referral's note.
 */
@Entity
@Table(name = "MD_CASE")
public class CaseEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;

    @Column(name = "PAIRING_ID", nullable = false)
    long pairing;

    @Column(name = "COMMUNITY", length = 12, nullable = false)
    String community;

    @Column(name = "KIND", length = 20, nullable = false)
    String kind;

    @Column(name = "SUMMARY", length = 500, nullable = false)
    String summary;

    @Column(name = "STATUS", length = 12, nullable = false)
    String status;

    @Column(name = "OPENED_ON", nullable = false)
    LocalDate openedOn;

    @Column(name = "CLOSED_ON")
    LocalDate closedOn;

    @Column(name = "OUTCOME_NOTE", length = 500)
    String outcomeNote;

    @Column(name = "PARTIES", length = 200)
    String parties;

    @Column(name = "RISK", length = 8)
    String risk;

    /** DIRECT, SCREENING (from a screened dispute) or REPORT (from a core problem report). */
    @Column(name = "SOURCE", length = 10)
    String source;

    @Column(name = "SOURCE_ID")
    Long sourceId;

    /** AGREED or REFERRED once closed (kept through follow-up and archiving). */
    @Column(name = "OUTCOME", length = 10)
    String outcome;

    @Column(name = "REFERRED_TO", length = 60)
    String referredTo;

    @Column(name = "FOLLOWED_UP_ON")
    LocalDate followedUpOn;

    @Column(name = "FOLLOW_UP_NOTE", length = 500)
    String followUpNote;

    @Column(name = "SATISFIED")
    Boolean satisfied;

    @Column(name = "ARCHIVED_ON")
    LocalDate archivedOn;

    @Column(name = "CREATED_BY", length = 64)
    String createdBy;

    @Version
    @Column(name = "VERSION")
    long version;
}
