package org.loumen.core.notify.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/** A user's choice of a personal channel and their address on it (e.g. e-mail). */
@Entity
@Table(name = "NTF_USER_CHANNEL", indexes = { @Index(name = "NTF_USER_CHANNEL_USER", columnList = "USERNAME") })
public class ChannelChoiceEntity {

    /** {@code username + "|" + channel}. */
    @Id
    @Column(name = "ID", length = 100)
    String id;

    @Column(name = "USERNAME", length = 32, nullable = false)
    String username;

    @Column(name = "CHANNEL", length = 60, nullable = false)
    String channel;

    @Column(name = "ADDRESS", length = 200, nullable = false)
    String address;

    @Column(name = "ENABLED", nullable = false)
    boolean enabled;

    /** The kinds of notice wanted on this channel, by prefix, comma-separated; {@code null} or empty: every kind. */
    @Column(name = "KINDS", length = 400)
    String kinds;

    /** Whether a notice of this kind goes to this channel by the user's choice. */
    boolean wants(String kind) {
        return ChannelChoices.wants(ChannelChoices.kinds(kinds), kind);
    }
}
