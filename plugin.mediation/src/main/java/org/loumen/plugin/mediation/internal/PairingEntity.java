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
 * A people's mediator paired with a building leader of a community (结对), from {@code since} until {@code endedOn}
 * (an ended pairing is kept: the history). Version 1 rows have no mediator account.
 */
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

    /** The mediator's account (holder of 人民调解员 at the community); {@code null} in version 1 rows. */
    @Column(name = "MEDIATOR_USER", length = 64)
    String mediator;

    @Column(name = "ENDED_ON")
    LocalDate endedOn;

    @Column(name = "END_REASON", length = 200)
    String endReason;

    @Version
    @Column(name = "VERSION")
    long version;
}
