package org.loumen.core.workflow.internal;

import java.util.List;
import java.util.Locale;

import org.loumen.web.Access;
import org.loumen.web.ApiException;
import org.loumen.web.ApiResource;
import org.loumen.web.ApiResponse;
import org.loumen.web.NodeResolver;
import org.loumen.web.Routes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Photos of a report over HTTP: the raw image as the body, served back only to those who may read the report. */
@Component(service = ApiResource.class)
public final class ReportPhotoResource implements ApiResource {

    private final ReportService reports;
    private final PhotoService photos;

    @Activate
    public ReportPhotoResource(@Reference ReportService reports, @Reference PhotoService photos) {
        this.reports = reports;
        this.photos = photos;
    }

    @Override
    public void routes(Routes routes) {
        NodeResolver place = r -> r.pathId("report").flatMap(reports::view).map(v -> List.of(v.place())).orElse(List.of());
        routes.post("/reports/{report}/photos", Access.node(place, ReportResource.REPORTERS), r -> {
            String type = r.header("Content-Type").map(t -> t.split(";")[0].strip().toLowerCase(Locale.ROOT))
                    .orElse("");
            if (!type.equals("image/jpeg") && !type.equals("image/png")) {
                throw PhotoService.unsupported();
            }
            if (r.header("Content-Length").map(ReportPhotoResource::length).orElse(0L) > PhotoService.MAX_BYTES) {
                throw PhotoService.tooLarge(); // refused before reading the body
            }
            byte[] body;
            try {
                body = r.bytes();
            } catch (ApiException e) {
                if (e.status() == 413) {
                    throw PhotoService.tooLarge();
                }
                throw e;
            }
            PhotoService.Added added = photos.add(r.pathId("report").orElseThrow(), type, body,
                    r.caller().username());
            r.auditDetail("photo " + added.n() + " (" + added.bytes() + " bytes)");
            return ApiResponse.created(added);
        })
                .get("/reports/{report}/photos/{n}", Access.node(place, ReportResource.READERS).personalData(), r -> {
                    long report = r.pathId("report").orElseThrow();
                    int n = r.pathId("n").filter(x -> x >= 1 && x <= PhotoService.MAX_PER_REPORT).map(Long::intValue)
                            .orElseThrow(() -> new ApiException(404, "not-found", "未找到 / not found"));
                    PhotoService.Stored p = photos.photo(report, n).orElseThrow(() -> new ApiException(404,
                            "not-found", "未找到此照片 / no such photo"));
                    return ApiResponse.file(p.contentType(), "report-" + report + "-" + n
                            + (p.contentType().equals("image/png") ? ".png" : ".jpg"), p.image());
                });
    }

    private static long length(String header) {
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
