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

/** A care visit (走访) to a special or vulnerable household. */
@Entity
@Table(name = "WF_VISIT", indexes = { @Index(name = "WF_VISIT_HOUSEHOLD", columnList = "HOUSEHOLD"),
        @Index(name = "WF_VISIT_COMMUNITY", columnList = "COMMUNITY") })
public class VisitEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "visitIds")
    @TableGenerator(name = "visitIds", table = "WF_SEQUENCE", pkColumnName = "NAME", valueColumnName = "NEXT_VALUE",
            pkColumnValue = "VISIT", allocationSize = 50)
    @Column(name = "ID")
    Long id;

    @Column(name = "HOUSEHOLD", nullable = false)
    long household;

    @Column(name = "COMMUNITY", length = 12, nullable = false)
    String community;

    @Column(name = "VISITOR", length = 32, nullable = false)
    String visitor;

    @Column(name = "VISITED_ON", nullable = false)
    LocalDate visitedOn;

    @Column(name = "NOTE", length = 1000)
    String note;

    @Column(name = "CREATED_AT", nullable = false)
    long createdAt;
}
