package org.loumen.core.workflow.internal;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.UniqueConstraint;

/** A capacity-training session (赋能培训): a provider, a day, a topic, its hours and who attended. */
@Entity
@Table(name = "WF_CAPACITY_SESSION", indexes = @Index(name = "WF_CAPACITY_SESSION_STREET", columnList = "STREET"))
public class CapacitySessionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "capacitySessionIds")
    @TableGenerator(name = "capacitySessionIds", table = "WF_SEQUENCE", pkColumnName = "NAME", valueColumnName = "NEXT_VALUE",
            pkColumnValue = "CAPACITYSESSION", allocationSize = 50)
    @Column(name = "ID")
    Long id;

    @Column(name = "STREET", length = 9, nullable = false)
    String street;

    @Column(name = "PROVIDER", nullable = false)
    long provider;

    @Column(name = "HELD_ON", nullable = false)
    LocalDate heldOn;

    @Column(name = "TOPIC", length = 100, nullable = false)
    String topic;

    /** Hours in tenths (1.5 hours is 15). */
    @Column(name = "TENTHS", nullable = false)
    int tenths;

    @Column(name = "PLACE", length = 200)
    String place;

    @Column(name = "CREATED_BY", length = 32, nullable = false)
    String createdBy;
}
