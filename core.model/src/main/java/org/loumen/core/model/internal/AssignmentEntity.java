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

    /**
     * The rule of {@link org.loumen.core.model.Assignment#activeOn} (在任) in JPQL, for the queries that select the
     * assignments in force: over alias {@code a}, the day bound as {@code :today}. Kept here beside the columns it
     * reads, with {@link #IN_FORCE_SQL}, so that the rule is written once for each query language.
     */
    static final String IN_FORCE = "(a.start is null or a.start <= :today) and (a.end is null or a.end > :today)";

    /** {@link #IN_FORCE} in SQL over {@code MDL_ASSIGNMENT}'s columns; the day is bound twice (parameters 1 and 2). */
    static final String IN_FORCE_SQL = "(START_DATE IS NULL OR START_DATE <= ?) AND (END_DATE IS NULL OR END_DATE > ?)";
}
