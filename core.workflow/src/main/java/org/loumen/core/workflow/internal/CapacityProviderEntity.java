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

/** A provider of capacity training (赋能培训) in a street: its social-work station (街镇社工站) or a community charity-venture project (社区公益创投项目). */
@Entity
@Table(name = "WF_CAPACITY_PROVIDER", indexes = @Index(name = "WF_CAPACITY_PROVIDER_STREET", columnList = "STREET"),
        uniqueConstraints = @UniqueConstraint(name = "WF_CAPACITY_PROVIDER_NAME", columnNames = { "STREET", "NAME" }))
public class CapacityProviderEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "capacityProviderIds")
    @TableGenerator(name = "capacityProviderIds", table = "WF_SEQUENCE", pkColumnName = "NAME", valueColumnName = "NEXT_VALUE",
            pkColumnValue = "CAPACITYPROVIDER", allocationSize = 50)
    @Column(name = "ID")
    Long id;

    @Column(name = "STREET", length = 9, nullable = false)
    String street;

    /** STATION or VENTURE. */
    @Column(name = "KIND", length = 8, nullable = false)
    String kind;

    @Column(name = "NAME", length = 100, nullable = false)
    String name;

    @Column(name = "CONTACT", length = 100)
    String contact;
}
