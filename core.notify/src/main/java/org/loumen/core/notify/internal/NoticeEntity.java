package org.loumen.core.notify.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A published notice, keyed by its idempotency key: the primary key makes a second publication fail. */
@Entity
@Table(name = "NTF_NOTICE")
public class NoticeEntity {

    @Id
    @Column(name = "NOTICE_KEY", length = 160)
    String key;

    @Column(name = "KIND", length = 60, nullable = false)
    String kind;

    @Column(name = "NODE", length = 32, nullable = false)
    String node;

    @Column(name = "TITLE", length = 200, nullable = false)
    String title;

    @Column(name = "BODY", length = 1000, nullable = false)
    String body;

    @Column(name = "LINK", length = 300)
    String link;

    @Column(name = "CREATED_AT", nullable = false)
    long createdAt;
}
