package org.loumen.core.workflow.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/** One move of a report: who, when, with what note. Never changed or deleted. */
@Entity
@Table(name = "WF_REPORT_STEP", indexes = @Index(name = "WF_REPORT_STEP_REPORT", columnList = "REPORT_ID"))
public class ReportStepEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "reportStepIds")
    @TableGenerator(name = "reportStepIds", table = "WF_SEQUENCE", pkColumnName = "NAME",
            valueColumnName = "NEXT_VALUE", pkColumnValue = "REPORT_STEP", allocationSize = 50)
    @Column(name = "ID")
    Long id;

    @Column(name = "REPORT_ID", nullable = false)
    long report;

    @Column(name = "FROM_STATUS", length = 12)
    String from;

    @Column(name = "TO_STATUS", length = 12, nullable = false)
    String to;

    @Column(name = "AT_MILLIS", nullable = false)
    long at;

    @Column(name = "ACTOR", length = 32, nullable = false)
    String actor;

    @Column(name = "NOTE", length = 1000)
    String note;
}
