package org.loumen.core.model.internal;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/** A leader's charge of a unit or a building, with dates; ended, never deleted. */
@Entity
@Table(name = "MDL_ASSIGNMENT", indexes = { @Index(name = "MDL_ASSIGNMENT_LEADER", columnList = "LEADER_ID"),
        @Index(name = "MDL_ASSIGNMENT_BUILDING", columnList = "BUILDING") })
public class AssignmentEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "assignmentIds")
    @TableGenerator(name = "assignmentIds", table = "MDL_SEQUENCE", pkColumnName = "NAME",
            valueColumnName = "NEXT_VALUE", pkColumnValue = "ASSIGNMENT", allocationSize = 500)
    @Column(name = "ID")
    Long id;

    @Column(name = "LEADER_ID", nullable = false)
    long leader;

    @Column(name = "ROLE_NAME", length = 20, nullable = false)
    String role;

    @Column(name = "BUILDING", length = 20, nullable = false)
    String building;

    /** Null for a building leader. */
    @Column(name = "UNIT", length = 24)
    String unit;

    @Column(name = "START_DATE")
    LocalDate start;

    @Column(name = "END_DATE")
    LocalDate end;
}
