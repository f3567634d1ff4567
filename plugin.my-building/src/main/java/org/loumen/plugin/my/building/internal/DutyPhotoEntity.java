package org.loumen.plugin.my.building.internal;


import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;
import javax.persistence.Version;

/** The photo of a duty done (kept apart from the duty so lists never load images). */
@Entity
@Table(name = "MB_DUTY_PHOTO")
public class DutyPhotoEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;

    @Column(name = "DUTY_ID", nullable = false)
    long duty;

    @Column(name = "CONTENT_TYPE", length = 20, nullable = false)
    String contentType;

    @Lob
    @Column(name = "BYTES", nullable = false)
    byte[] bytes;

    @Version
    @Column(name = "VERSION")
    long version;
}
