package org.loumen.plugin.mediation.internal;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A dispute a pair took on (调解案件): open until mediated or referred on. */
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

    @Version
    @Column(name = "VERSION")
    long version;
}
