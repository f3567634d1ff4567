package org.loumen.core.workflow.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.loumen.core.model.DivisionCodes;
import org.loumen.core.model.Duty;
import org.loumen.core.workflow.internal.ReportFlow.Status;
import org.loumen.core.workflow.internal.ReportFlow.Urgency;
import org.loumen.security.Role;
import org.loumen.web.Access;
import org.loumen.web.ApiException;
import org.loumen.web.ApiRequest;
import org.loumen.web.ApiResource;
import org.loumen.web.ApiResponse;
import org.loumen.web.NodeResolver;
import org.loumen.web.Routes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Problem reports over HTTP: leaders and secretaries file, the community works them, the reporter closes the loop. */
@Component(service = ApiResource.class)
public final class ReportResource implements ApiResource {

    static final Role[] READERS = { Role.DISTRICT_ADMIN, Role.STREET_ADMIN, Role.COMMUNITY_SECRETARY, Role.LEADER };
    static final Role[] HANDLERS = { Role.DISTRICT_ADMIN, Role.STREET_ADMIN, Role.COMMUNITY_SECRETARY };
    static final Role[] REPORTERS = { Role.COMMUNITY_SECRETARY, Role.LEADER };

    record FileBody(String place, Long household, Duty duty, Urgency urgency, String description) {
    }

    record NoteBody(String note, String assignee, String resolution) {
    }

    private final ReportService reports;

    @Activate
    public ReportResource(@Reference ReportService reports) {
        this.reports = reports;
    }

    @Override
    public void routes(Routes routes) {
        NodeResolver place = r -> r.pathId("report").flatMap(reports::view).map(v -> List.of(v.place())).orElse(List.of());
        routes.post("/reports", Access.within(REPORTERS), r -> {
            FileBody b = r.body(FileBody.class);
            if (!DivisionCodes.hasPlaceForm(b.place())) {
                throw ApiException.invalidField("place", "须为社区、楼栋或楼门代码 / place must be a community, building "
                        + "or unit code");
            }
            if (!r.inScope(b.place())) {
                throw new ApiException(404, "not-found", "未找到 / not found");
            }
            ReportService.View v = reports.file(r.caller(), b.place(), b.household(), b.duty(), b.urgency(),
                    b.description());
            r.auditDetail("report " + v.id());
            return ApiResponse.created(v);
        })
                .get("/reports", Access.within(READERS).filteredBy("street", "community").personalData(), r -> {
                    Status status = null;
                    if (r.query("status").isPresent()) {
                        try {
                            status = Status.valueOf(r.query("status").get().toUpperCase(Locale.ROOT));
                        } catch (IllegalArgumentException e) {
                            throw new ApiException(400, "invalid-parameter", "未知状态 / unknown status", "status");
                        }
                    }
                    ReportService.Page page = reports.list(r.scopes(), code(r, "street", 9),
                            code(r, "community", 12), status, r.query("overdue").map(Boolean::parseBoolean)
                                    .orElse(false), r.queryInt("page", 1, 1, 1_000_000), r.queryInt("size", 50, 1, 200));
                    return new ReportService.Page(page.items().stream().map(v -> forCaller(r, v)).toList(),
                            page.total());
                })
                .get("/reports/stats", Access.within(HANDLERS).filteredBy("street", "community"),
                        r -> reports.stats(r.scopes(), code(r, "street", 9), code(r, "community", 12)))
                .get("/reports/{report}", Access.node(place, READERS).personalData(),
                        r -> forCaller(r, reports.view(r.pathId("report").orElseThrow()).orElseThrow()))
                .get("/reports/{report}/history", Access.node(place, READERS),
                        r -> reports.history(r.pathId("report").orElseThrow()))
                .post("/reports/{report}/accept", Access.node(place, HANDLERS),
                        r -> reports.move(r.pathId("report").orElseThrow(), Status.ACCEPTED, r.caller(), note(r).note(), null, null))
                .post("/reports/{report}/assign", Access.node(place, HANDLERS), r -> {
                    NoteBody b = note(r);
                    if (b.assignee() == null || b.assignee().isBlank() || b.assignee().length() > 60) {
                        throw ApiException.invalidField("assignee", "请写明承办人或部门 / assignee is required (1-60)");
                    }
                    return reports.move(r.pathId("report").orElseThrow(), Status.ASSIGNED, r.caller(), b.note(),
                            b.assignee().strip(), null);
                })
                .post("/reports/{report}/resolve", Access.node(place, HANDLERS), r -> {
                    NoteBody b = note(r);
                    if (b.resolution() == null || b.resolution().isBlank() || b.resolution().length() > 1000) {
                        throw ApiException.invalidField("resolution", "请写明处理结果 / resolution is required (1-1000)");
                    }
                    return reports.move(r.pathId("report").orElseThrow(), Status.RESOLVED, r.caller(), b.note(), null,
                            b.resolution().strip());
                })
                .post("/reports/{report}/confirm", Access.node(place, REPORTERS),
                        r -> reports.move(r.pathId("report").orElseThrow(), Status.CONFIRMED, r.caller(), note(r).note(), null,
                                null))
                .post("/reports/{report}/spam", Access.node(place, HANDLERS), r -> {
                    NoteBody b = note(r);
                    if (b.note() != null && b.note().length() > 1000) {
                        throw ApiException.invalidField("note", "最长 1000 个字符 / at most 1000 characters");
                    }
                    r.auditDetail("marked as spam");
                    return reports.move(r.pathId("report").orElseThrow(), Status.SPAM, r.caller(), b.note(), null,
                            null);
                })
                .post("/reports/{report}/reopen", Access.node(place, REPORTERS), r -> {
                    NoteBody b = note(r);
                    if (b.note() == null || b.note().isBlank()) {
                        throw ApiException.invalidField("note", "请写明退回原因 / say why it is reopened");
                    }
                    return reports.move(r.pathId("report").orElseThrow(), Status.REOPENED, r.caller(), b.note(), null, null);
                });
    }

    /** A resident's call-back phone is personal data for the community's staff only, not for leaders. */
    static ReportService.View forCaller(ApiRequest r, ReportService.View v) {
        return v.residentPhone() == null || r.caller().covers(v.community(), java.util.Set.of(HANDLERS)) ? v
                : v.withoutPhone();
    }

    /** The optional body of a move. */
    private static NoteBody note(ApiRequest r) throws ApiException {
        return r.header("Content-Type").isPresent() ? r.body(NoteBody.class) : new NoteBody(null, null, null);
    }

    /** A code filter of the given length, or null; a malformed one is a 400 naming the parameter. */
    static String code(ApiRequest r, String param, int digits) throws ApiException {
        Optional<String> v = r.query(param);
        if (v.isPresent() && !v.get().matches("\\d{" + digits + "}")) {
            throw new ApiException(400, "invalid-parameter", param + " 须为 " + digits + " 位代码 / " + param
                    + " must be a " + digits + "-digit code", param);
        }
        return v.orElse(null);
    }

}
