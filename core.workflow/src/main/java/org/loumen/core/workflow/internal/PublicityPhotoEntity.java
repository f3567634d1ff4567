package org.loumen.core.workflow.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.UniqueConstraint;

/** A photo of a publicity activity, stored without its metadata; numbered 1 to 3 (the unique key keeps it so). */
@Entity
@Table(name = "WF_PUBLICITY_PHOTO", uniqueConstraints = @UniqueConstraint(name = "WF_PUBLICITY_PHOTO_PHOTO",
        columnNames = { "PUBLICITY_ID", "N" }))
public class PublicityPhotoEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "publicityPhotoIds")
    @TableGenerator(name = "publicityPhotoIds", table = "WF_SEQUENCE", pkColumnName = "NAME",
            valueColumnName = "NEXT_VALUE", pkColumnValue = "PUBLICITY_PHOTO", allocationSize = 20)
    @Column(name = "ID")
    Long id;

    @Column(name = "PUBLICITY_ID", nullable = false)
    long publicity;

    @Column(name = "N", nullable = false)
    int n;

    @Column(name = "CONTENT_TYPE", length = 16, nullable = false)
    String contentType;

    @Lob
    @Column(name = "IMAGE", length = 6 * 1024 * 1024, nullable = false)
    byte[] image;
}
