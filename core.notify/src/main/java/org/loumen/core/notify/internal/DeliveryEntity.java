package org.loumen.core.notify.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.Version;

/** One delivery of a notice to a channel (the outbox): PENDING → SENT, or DEAD after the retry budget. */
@Entity
@Table(name = "NTF_DELIVERY", indexes = { @Index(name = "NTF_DELIVERY_DUE", columnList = "STATE,NEXT_AT") })
public class DeliveryEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "deliveryIds")
    @TableGenerator(name = "deliveryIds", table = "NTF_SEQUENCE", pkColumnName = "NAME", valueColumnName = "NEXT_VALUE",
            pkColumnValue = "DELIVERY", allocationSize = 50)
    @Column(name = "ID")
    long id;

    @Column(name = "NOTICE_KEY", length = 160, nullable = false)
    String noticeKey;

    @Column(name = "CHANNEL", length = 60, nullable = false)
    String channel;

    /** The recipient's account on a personal channel, {@code null} on a group channel. */
    @Column(name = "USERNAME", length = 32)
    String username;

    @Column(name = "ADDRESS", length = 200)
    String address;

    @Column(name = "STATE", length = 8, nullable = false)
    String state;

    @Column(name = "ATTEMPTS", nullable = false)
    int attempts;

    @Column(name = "NEXT_AT", nullable = false)
    long nextAt;

    @Column(name = "LAST_ERROR", length = 300)
    String lastError;

    @Column(name = "CREATED_AT", nullable = false)
    long createdAt;

    @Column(name = "DONE_AT")
    Long doneAt;

    @Version
    @Column(name = "VERSION")
    long version;
}
