package org.loumen.plugin.volunteer.brands.internal;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/**
 * A member (志愿者) of a brand: a leader (by the leader record's id; the name is read through the declared data access,
 * never copied) or a resident (by name). Identified by a volunteer number (志愿者编号), never an ID card number.
 */
@Entity
@Table(name = "VB_MEMBER")
public class MemberEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;

    @Column(name = "BRAND_ID", nullable = false)
    long brand;

    @Column(name = "STREET", length = 9, nullable = false)
    String street;

    /** {@code LEADER} or {@code RESIDENT}. */
    @Column(name = "KIND", length = 10, nullable = false)
    String kind;

    @Column(name = "LEADER_ID")
    Long leader;

    /** A resident's name; {@code null} for a leader. */
    @Column(name = "RESIDENT_NAME", length = 30)
    String residentName;

    @Column(name = "VOLUNTEER_NO", length = 30, nullable = false)
    String volunteerNo;

    /** Skills and talents (社区达人), separated by {@code 、}. */
    @Column(name = "SKILLS", length = 200)
    String skills;

    @Column(name = "JOINED_ON", nullable = false)
    LocalDate joinedOn;

    @Column(name = "LEFT_ON")
    LocalDate leftOn;

    @Column(name = "CREATED_BY", length = 64, nullable = false)
    String createdBy;

    @Version
    @Column(name = "VERSION")
    long version;

    boolean activeOn(LocalDate day) {
        return !day.isBefore(joinedOn) && (leftOn == null || day.isBefore(leftOn));
    }
}
