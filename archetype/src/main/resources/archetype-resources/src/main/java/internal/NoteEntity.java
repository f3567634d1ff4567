package ${package}.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A note of the programme in one street. New fields become new columns; existing rows stay. */
@Entity
@Table(name = "${programmeId.toUpperCase().replace('-', '_')}_NOTE")
public class NoteEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;

    @Column(name = "STREET", length = 9, nullable = false)
    String street;

    @Column(name = "TEXT", length = 500, nullable = false)
    String text;

    @Column(name = "CREATED_BY", length = 64, nullable = false)
    String createdBy;

    @Column(name = "CREATED_AT", nullable = false)
    long createdAt;

    @Version
    @Column(name = "VERSION")
    long version;

    Instant createdAt() {
        return Instant.ofEpochMilli(createdAt);
    }
}
