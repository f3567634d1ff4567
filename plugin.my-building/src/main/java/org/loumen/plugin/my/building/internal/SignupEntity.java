package org.loumen.plugin.my.building.internal;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;
import javax.persistence.Version;

/** A household signed up for an activity (one sign-up per household), and whether it attended. */
@Entity
@Table(name = "MB_SIGNUP", uniqueConstraints = { @UniqueConstraint(name = "MB_SIGNUP_ONCE", columnNames = { "ACTIVITY_ID", "HOUSEHOLD_ID" }) })
public class SignupEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;

    @Column(name = "ACTIVITY_ID", nullable = false)
    long activity;

    @Column(name = "HOUSEHOLD_ID", nullable = false)
    long household;

    @Column(name = "PEOPLE", nullable = false)
    int people;

    @Column(name = "SIGNED_AT", nullable = false)
    LocalDateTime signedAt;

    @Column(name = "ATTENDED", nullable = false)
    boolean attended;

    @Version
    @Column(name = "VERSION")
    long version;
}
