package org.loumen.plugin.mediation.internal;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A screening round (矛盾纠纷排查) of a community: paired leaders record disputes from startsOn to endsOn. */
@Entity
@Table(name = "MD_ROUND")
public class RoundEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;

    @Column(name = "STREET", length = 9, nullable = false)
    String street;

    @Column(name = "COMMUNITY", length = 12, nullable = false)
    String community;

    @Column(name = "TITLE", length = 60, nullable = false)
    String title;

    @Column(name = "STARTS_ON", nullable = false)
    LocalDate startsOn;

    @Column(name = "ENDS_ON", nullable = false)
    LocalDate endsOn;

    @Column(name = "CREATED_BY", length = 64)
    String createdBy;

    @Version
    @Column(name = "VERSION")
    long version;
}
