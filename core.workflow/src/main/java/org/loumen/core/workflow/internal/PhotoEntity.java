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

/**
 * A photo of a problem report (问题照片), stored without its metadata. Numbered 1 to 3 within the report; the unique
 * key on (report, number) keeps parallel uploads from exceeding three.
 */
@Entity
@Table(name = "WF_REPORT_PHOTO", uniqueConstraints = @UniqueConstraint(name = "WF_REPORT_PHOTO_N",
        columnNames = { "REPORT_ID", "N" }))
public class PhotoEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "photoIds")
    @TableGenerator(name = "photoIds", table = "WF_SEQUENCE", pkColumnName = "NAME", valueColumnName = "NEXT_VALUE",
            pkColumnValue = "REPORT_PHOTO", allocationSize = 20)
    @Column(name = "ID")
    Long id;

    @Column(name = "REPORT_ID", nullable = false)
    long report;

    @Column(name = "N", nullable = false)
    int n;

    @Column(name = "CONTENT_TYPE", length = 16, nullable = false)
    String contentType;

    @Column(name = "SIZE_BYTES", nullable = false)
    int bytes;

    /** The image; at most {@link PhotoService#MAX_BYTES} (the column allows a little more). */
    @Lob
    @Column(name = "IMAGE", length = 6 * 1024 * 1024, nullable = false)
    byte[] image;

    @Column(name = "UPLOADED_BY", length = 32, nullable = false)
    String uploadedBy;

    @Column(name = "UPLOADED_AT", nullable = false)
    long uploadedAt;
}
