package org.loumen.plugin.my.building.internal;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A duty on a unit's rota (公益岗): due on a day, then DONE or NOT_DONE, with an optional photo. */
@Entity
@Table(name = "MB_DUTY")
public class DutyEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;

    @Column(name = "STREET", length = 9, nullable = false)
    String street;

    @Column(name = "COMMUNITY", length = 12, nullable = false)
    String community;

    @Column(name = "UNIT", length = 24, nullable = false)
    String unit;

    @Column(name = "KIND", length = 24, nullable = false)
    String kind;

    @Column(name = "TITLE", length = 100, nullable = false)
    String title;

    @Column(name = "STEWARD_ID")
    Long steward;

    @Column(name = "DUE_ON", nullable = false)
    LocalDate dueOn;

    @Column(name = "STATUS", length = 10, nullable = false)
    String status;

    @Column(name = "DONE_ON")
    LocalDate doneOn;

    @Column(name = "NOTE", length = 500)
    String note;

    @Column(name = "RECORDED_BY", length = 64)
    String recordedBy;

    @Column(name = "PHOTO_TYPE", length = 20)
    String photoType;

    @Version
    @Column(name = "VERSION")
    long version;
}
