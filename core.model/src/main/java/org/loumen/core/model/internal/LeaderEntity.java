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
import javax.persistence.UniqueConstraint;
import javax.persistence.Version;

/** A leader (楼门栋长). The phone number is unique: it identifies the person across imports. */
@Entity
@Table(name = "MDL_LEADER", uniqueConstraints = @UniqueConstraint(name = "MDL_LEADER_PHONE", columnNames = "PHONE"),
        indexes = { @Index(name = "MDL_LEADER_COMMUNITY", columnList = "COMMUNITY"),
                // the listing's sorts (name, birth date; the id breaks ties), with the community the scope is checked
                // on: a page's ids are read in index order from the index alone, and the read stops after the page,
                // instead of sorting every leader in scope (LeaderQueries.page; DeclaredIndexes adds them on upgrade)
                @Index(name = "MDL_LEADER_NAME", columnList = "NAME, ID, COMMUNITY"),
                @Index(name = "MDL_LEADER_BIRTH", columnList = "BIRTH_DATE, ID, COMMUNITY"),
                // Derby walks an index forwards only: each descending sort and the id sort have their own (SortIndex)
                @Index(name = "MDL_LEADER_NAME_DESC", columnList = "NAME DESC, ID, COMMUNITY"),
                @Index(name = "MDL_LEADER_BIRTH_DESC", columnList = "BIRTH_DATE DESC, ID, COMMUNITY"),
                @Index(name = "MDL_LEADER_ID", columnList = "ID, COMMUNITY"),
                @Index(name = "MDL_LEADER_ID_DESC", columnList = "ID DESC, COMMUNITY") })
public class LeaderEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "leaderIds")
    @TableGenerator(name = "leaderIds", table = "MDL_SEQUENCE", pkColumnName = "NAME", valueColumnName = "NEXT_VALUE",
            pkColumnValue = "LEADER", allocationSize = 500)
    @Column(name = "ID")
    Long id;

    @Column(name = "NAME", length = 40, nullable = false)
    String name;

    @Column(name = "GENDER", length = 8, nullable = false)
    String gender;

    @Column(name = "BIRTH_DATE", nullable = false)
    LocalDate birthDate;

    @Column(name = "EDUCATION", length = 24, nullable = false)
    String education;

    @Column(name = "PARTY_MEMBER", nullable = false)
    boolean partyMember;

    @Column(name = "PHONE", length = 11, nullable = false)
    String phone;

    @Column(name = "NOMINATION", length = 16, nullable = false)
    String nomination;

    @Column(name = "LIAISON", nullable = false)
    boolean liaison;

    @Column(name = "STATUS", length = 16, nullable = false)
    String status;

    @Column(name = "STREET", length = 9, nullable = false)
    String street;

    @Column(name = "COMMUNITY", length = 12, nullable = false)
    String community;

    @Column(name = "WORK_ID", length = 32)
    String workId;

    /**
     * Epoch millis when the leader consented to a public phone number (PIPL art. 25); null without consent. Added
     * column, like {@link #phoneConsentBy}.
     */
    @Column(name = "PHONE_CONSENT_AT")
    Long phoneConsentAt;

    /** The account that recorded the consent. */
    @Column(name = "PHONE_CONSENT_BY", length = 32)
    String phoneConsentBy;

    /** Epoch millis of the last change through the API (0 for imported rows never edited). */
    @Column(name = "UPDATED_AT", nullable = false)
    long updatedAt;

    @Version
    @Column(name = "VERSION")
    long version;
}
