package org.loumen.core.workflow.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

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

/** Meetings over HTTP: the community schedules and records them; streets watch the cadence. */
@Component(service = ApiResource.class)
public final class MeetingResource implements ApiResource {

    static final Role[] ORGANISERS = { Role.DISTRICT_ADMIN, Role.STREET_ADMIN, Role.COMMUNITY_SECRETARY };

    record ScheduleBody(MeetingService.Kind kind, LocalDate scheduledOn) {
    }

    record RecordBody(LocalDate heldOn, List<Long> attendees, String minutes,
            List<MeetingService.ActionItem> actionItems) {
    }

    private final MeetingService meetings;

    @Activate
    public MeetingResource(@Reference MeetingService meetings) {
        this.meetings = meetings;
    }

    @Override
    public void routes(Routes routes) {
        NodeResolver community = r -> r.pathId("meeting").flatMap(meetings::view).map(m -> List.of(m.community()))
                .orElse(List.of());
        routes.post("/communities/{community}/meetings", Access.node("community", ORGANISERS), r -> {
            ScheduleBody b = r.body(ScheduleBody.class);
            return ApiResponse.created(meetings.schedule(r.pathParam("community"),
                    b.kind(), b.scheduledOn(), r.caller().username()));
        })
                .get("/communities/{community}/meetings", Access.node("community", ORGANISERS), r -> {
                    LocalDate to = date(r, "to", LocalDate.now(EvaluationService.CHINA).plusMonths(1));
                    LocalDate from = date(r, "from", to.minusMonths(3));
                    return meetings.ofCommunity(r.pathParam("community"), from, to);
                })
                .get("/meetings", Access.within(ORGANISERS).filteredBy("street", "community"), r -> {
                    LocalDate from = date(r, "from", null);
                    LocalDate to = date(r, "to", null);
                    if (from != null && to != null && from.isAfter(to)) {
                        throw new ApiException(400, "invalid-parameter", "from 不能晚于 to / from must not be after to",
                                "from");
                    }
                    return meetings.list(r.scopes(), ReportResource.code(r, "street", 9),
                            ReportResource.code(r, "community", 12), from, to, r.queryInt("page", 1, 1, 1_000_000),
                            r.queryInt("size", 50, 1, 200));
                })
                .get("/meetings/cadence", Access.within(ORGANISERS).filteredBy("street", "community"),
                        r -> meetings.cadence(r.scopes(), r.query("street").orElse(null),
                                r.query("community").orElse(null), r.queryInt("weeks", 4, 1, 52),
                                r.queryInt("months", 3, 1, 24)))
                .get("/meetings/{meeting}", Access.node(community, ORGANISERS),
                        r -> meetings.view(r.pathId("meeting").orElseThrow()).orElseThrow())
                .post("/meetings/{meeting}/record", Access.node(community, ORGANISERS), r -> {
                    RecordBody b = r.body(RecordBody.class);
                    return meetings.record(r.pathId("meeting").orElseThrow(),
                            b.heldOn(), b.attendees(), b.minutes(), b.actionItems());
                });
    }

    private static LocalDate date(ApiRequest r, String name, LocalDate fallback) throws ApiException {
        try {
            return r.query(name).map(LocalDate::parse).orElse(fallback);
        } catch (DateTimeParseException e) {
            throw new ApiException(400, "invalid-parameter", name + " 须为 YYYY-MM-DD / " + name + " must be YYYY-MM-DD",
                    name);
        }
    }

}
