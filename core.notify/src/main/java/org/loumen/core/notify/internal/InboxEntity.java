package org.loumen.core.notify.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/** One notice in one account's inbox (站内通知). */
@Entity
@Table(name = "NTF_INBOX", indexes = { @Index(name = "NTF_INBOX_USER", columnList = "USERNAME,READ_AT") })
public class InboxEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "inboxIds")
    @TableGenerator(name = "inboxIds", table = "NTF_SEQUENCE", pkColumnName = "NAME", valueColumnName = "NEXT_VALUE",
            pkColumnValue = "INBOX", allocationSize = 50)
    @Column(name = "ID")
    long id;

    @Column(name = "NOTICE_KEY", length = 160, nullable = false)
    String noticeKey;

    @Column(name = "USERNAME", length = 32, nullable = false)
    String username;

    @Column(name = "CREATED_AT", nullable = false)
    long createdAt;

    /** When it was read, or {@code null}. */
    @Column(name = "READ_AT")
    Long readAt;
}
