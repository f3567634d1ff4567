package org.loumen.plugin.mediation.internal;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A dispute a paired leader found in a screening round (排查登记); parties without names. */
@Entity
@Table(name = "MD_DISPUTE")
public class DisputeEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;

    @Column(name = "ROUND_ID", nullable = false)
    long round;

    @Column(name = "PAIRING_ID", nullable = false)
    long pairing;

    @Column(name = "COMMUNITY", length = 12, nullable = false)
    String community;

    @Column(name = "PLACE", length = 20)
    String place;

    @Column(name = "CATEGORY", length = 20, nullable = false)
    String category;

    @Column(name = "PARTIES", length = 200, nullable = false)
    String parties;

    @Column(name = "SUMMARY", length = 500, nullable = false)
    String summary;

    @Column(name = "RISK", length = 8, nullable = false)
    String risk;

    @Column(name = "RECORDED_ON", nullable = false)
    LocalDate recordedOn;

    @Column(name = "RECORDED_BY", length = 64)
    String recordedBy;

    /** The case it became, if it did. */
    @Column(name = "CASE_ID")
    Long caseId;

    @Version
    @Column(name = "VERSION")
    long version;
}
