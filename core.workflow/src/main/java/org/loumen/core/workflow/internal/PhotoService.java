package org.loumen.core.workflow.internal;

import java.time.Clock;
import java.util.Optional;

import org.apache.aries.jpa.template.JpaTemplate;
import org.loumen.core.workflow.internal.ReportFlow.Status;
import org.loumen.domain.Refusal;
import org.loumen.domain.StoreConflict;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Photos of problem reports (问题照片): at most three a report, five megabytes each, JPEG or PNG checked by their bytes
 * and by decoding, stored in the database without the metadata that tells where and when they were taken.
 */
@Component(service = PhotoService.class)
public final class PhotoService {

    static final int MAX_BYTES = 5 * 1024 * 1024;
    static final int MAX_PER_REPORT = 3;

    record Added(int n, String contentType, int bytes) {
    }

    record Stored(String contentType, byte[] image) {
    }

    private final JpaTemplate jpa;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public PhotoService(@Reference(target = "(osgi.unit.name=loumen.workflow)") JpaTemplate jpa) {
        this.jpa = jpa;
    }

    /**
     * Adds a photo to a report that is not closed.
     *
     * @param declared the Content-Type the client sent: it must agree with what the bytes are
     */
    Added add(long report, String declared, byte[] photo, String actor) throws Refusal {
        if (photo.length > MAX_BYTES) {
            throw tooLarge();
        }
        Photos.Type type = Photos.sniff(photo);
        if (type == null || !type.contentType.equals(declared)) {
            throw unsupported();
        }
        byte[] clean = clean(type, photo);
        for (int attempt = 1;; attempt++) {
            try {
                return store(report, type, clean, actor);
            } catch (RuntimeException e) {
                if (attempt >= 5 || StoreConflict.in(e).isEmpty()) {
                    throw e;
                }
            }
        }
    }

    private Added store(long report, Photos.Type type, byte[] clean, String actor) throws Refusal {
        long now = clock.millis();
        Object outcome = jpa.txExpr(em -> {
            // takes the report's row lock: parallel uploads to one report run one after the other
            em.createQuery("update ReportEntity r set r.updatedAt = :now where r.id = :id").setParameter("now", now)
                    .setParameter("id", report).executeUpdate();
            ReportEntity r = em.find(ReportEntity.class, report);
            Status status = Status.valueOf(r.status);
            if (status == Status.CONFIRMED || status == Status.SPAM) {
                return new Refusal(Refusal.Kind.CONFLICT, "report-closed", "问题时报已关闭，不能再添加照片 / the report is closed; no "
                        + "more photos", "photo");
            }
            Integer last = em.createQuery("select max(p.n) from PhotoEntity p where p.report = :r", Integer.class)
                    .setParameter("r", report).getSingleResult();
            int n = last == null ? 1 : last + 1;
            if (n > MAX_PER_REPORT) {
                return new Refusal(Refusal.Kind.CONFLICT, "too-many-photos",
                        "每条问题时报最多 " + MAX_PER_REPORT + " 张照片 / at most "
                        + MAX_PER_REPORT + " photos a report", "photo");
            }
            PhotoEntity p = new PhotoEntity();
            p.report = report;
            p.n = n;
            p.contentType = type.contentType;
            p.bytes = clean.length;
            p.image = clean;
            p.uploadedBy = actor;
            p.uploadedAt = now;
            em.persist(p);
            return new Added(n, type.contentType, clean.length);
        });
        if (outcome instanceof Refusal e) {
            throw e;
        }
        return (Added) outcome;
    }

    /** Photo {@code n} (from 1) of a report. */
    Optional<Stored> photo(long report, int n) {
        return jpa.txExpr(em -> em.createQuery("select p from PhotoEntity p where p.report = :r and p.n = :n",
                PhotoEntity.class).setParameter("r", report).setParameter("n", n).getResultList().stream()
                .findFirst().map(p -> new Stored(p.contentType, p.image)));
    }

    /** The photo without its metadata ({@link Photos#clean}), or the refusal of one that cannot be read. */
    static byte[] clean(Photos.Type type, byte[] photo) throws Refusal {
        try {
            return Photos.clean(type, photo);
        } catch (Photos.Refused e) {
            throw e.tooLarge ? new Refusal(Refusal.Kind.TOO_LARGE, "payload-too-large", e.getMessage(), "photo")
                    : new Refusal(Refusal.Kind.UNSUPPORTED_TYPE, "unsupported-media-type", e.getMessage(), "photo");
        }
    }

    static Refusal tooLarge() {
        return new Refusal(Refusal.Kind.TOO_LARGE, "payload-too-large", "照片不能超过 5 MB / a photo may be at most 5 MB",
                "photo");
    }

    static Refusal unsupported() {
        return new Refusal(Refusal.Kind.UNSUPPORTED_TYPE, "unsupported-media-type", "只接受 JPEG 或 PNG 照片 / only JPEG "
                + "or PNG photos are accepted", "photo");
    }
}
