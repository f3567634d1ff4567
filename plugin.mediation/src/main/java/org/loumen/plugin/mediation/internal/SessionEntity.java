package org.loumen.plugin.mediation.internal;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A mediation session of a case (调解记录): when, who attended (described, not named), what happened. */
@Entity
@Table(name = "MD_SESSION")
public class SessionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;

    @Column(name = "CASE_ID", nullable = false)
    long caseId;

    @Column(name = "HELD_ON", nullable = false)
    LocalDate heldOn;

    @Column(name = "ATTENDEES", length = 200, nullable = false)
    String attendees;

    @Column(name = "NOTES", length = 1000, nullable = false)
    String notes;

    @Column(name = "RECORDED_BY", length = 64)
    String recordedBy;

    @Version
    @Column(name = "VERSION")
    long version;
}
