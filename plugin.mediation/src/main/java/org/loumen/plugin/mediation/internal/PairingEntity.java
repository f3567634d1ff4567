package org.loumen.plugin.mediation.internal;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A people's mediator paired with a building leader of a community (结对). */
@Entity
@Table(name = "MD_PAIRING")
public class PairingEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;

    @Column(name = "STREET", length = 9, nullable = false)
    String street;

    @Column(name = "COMMUNITY", length = 12, nullable = false)
    String community;

    @Column(name = "MEDIATOR_NAME", length = 40, nullable = false)
    String mediatorName;

    @Column(name = "MEDIATOR_PHONE", length = 11, nullable = false)
    String mediatorPhone;

    @Column(name = "LEADER_ID", nullable = false)
    long leader;

    @Column(name = "SINCE", nullable = false)
    LocalDate since;

    @Version
    @Column(name = "VERSION")
    long version;
}
