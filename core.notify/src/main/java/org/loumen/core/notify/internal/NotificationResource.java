package org.loumen.core.notify.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.loumen.lease.Leases;
import org.loumen.notify.NotificationChannel;
import org.loumen.security.Role;
import org.loumen.web.Access;
import org.loumen.web.ApiException;
import org.loumen.web.ApiResource;
import org.loumen.web.ApiResponse;
import org.loumen.web.Routes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Notifications over HTTP: the caller's inbox and channel choices ({@code /me/notifications...}), and for district IT
 * the state of deliveries, the dead-letter list with retry, and a scan on demand ({@code /notifications/...}).
 */
@Component(service = ApiResource.class)
public final class NotificationResource implements ApiResource {

    private static final Set<String> STATES = Set.of(DeliveryWorker.PENDING, DeliveryWorker.SENT, DeliveryWorker.DEAD);

    /** Body of {@code PUT /me/notification-channels/{channel}}. */
    public record ChoiceBody(String address, Boolean enabled, List<String> kinds) {
    }

    private final Inbox inbox;
    private final Outbox outbox;
    private final ChannelChoices choices;
    private final ChannelRegistry channels;
    private final DeliveryWorker worker;
    private final Scanner scanner;
    private final Leases leases;

    @Activate
    public NotificationResource(@Reference Inbox inbox, @Reference Outbox outbox, @Reference ChannelChoices choices,
            @Reference ChannelRegistry channels, @Reference DeliveryWorker worker, @Reference Scanner scanner,
            @Reference Leases leases) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.choices = choices;
        this.channels = channels;
        this.worker = worker;
        this.scanner = scanner;
        this.leases = leases;
    }

    @Override
    public void routes(Routes routes) {
        // the caller's own inbox and choices: every signed-in account has one (an auditor's stays empty)
        Access mine = Access.signedIn();
        Access it = Access.within(Role.DISTRICT_ADMIN);
        routes.get("/me/notifications", mine, r -> {
            boolean unread = r.query("unread").map(v -> v.equals("true") || v.equals("1")).orElse(false);
            return inbox.list(r.caller().username(), unread, r.queryInt("page", 1, 1, 100_000),
                    r.queryInt("size", 20, 1, 100));
        }).get("/me/notifications/unread-count", mine,
                r -> Map.of("unread", inbox.unread(r.caller().username())))
                .post("/me/notifications/{id}/read", mine, r -> {
                    long id = r.pathId("id").orElseThrow(NotificationResource::notFound);
                    if (!inbox.markRead(r.caller().username(), id)) {
                        throw notFound();
                    }
                    return ApiResponse.noContent();
                })
                .post("/me/notifications/read-all", mine,
                        r -> Map.of("marked", inbox.markAllRead(r.caller().username())))
                .get("/me/notification-channels", mine, r -> choices.list(r.caller().username()))
                .put("/me/notification-channels/{channel}", mine, r -> {
                    ChoiceBody b = r.body(ChoiceBody.class);
                    return choices.set(r.caller().username(), r.pathParam("channel"), b.address(),
                            b.enabled() == null || b.enabled(), b.kinds());
                })
                .get("/me/notification-kinds", mine, r -> ChannelChoices.KNOWN.entrySet().stream()
                        .map(e -> Map.of("kind", e.getKey(), "label", e.getValue())).toList())
                .get("/notifications/status", it, r -> status())
                .get("/notifications/deliveries", it, r -> {
                    String state = r.query("state").orElse(DeliveryWorker.DEAD);
                    if (!STATES.contains(state)) {
                        throw ApiException.invalidField("state", "须为 PENDING、SENT 或 DEAD / state must be PENDING, "
                                + "SENT or DEAD");
                    }
                    return outbox.list(state, r.queryInt("size", 100, 1, 500));
                })
                .post("/notifications/deliveries/{id}/retry", it, r -> {
                    long id = r.pathId("id").orElseThrow(NotificationResource::notFound);
                    if (!outbox.retry(id)) {
                        throw ApiException.notFound("死信", "dead letter", r.pathParam("id"));
                    }
                    return ApiResponse.noContent();
                })
                .post("/notifications/scan", it, r -> scanner.scan());
    }

    private Map<String, Object> status() {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Map<String, Object>> list = new ArrayList<>();
        Map<String, DeliveryWorker.ChannelState> states = worker.channelStates();
        for (Map.Entry<String, NotificationChannel> c : channels.all().entrySet()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", c.getKey());
            m.put("personal", c.getValue().personal());
            DeliveryWorker.ChannelState s = states.get(c.getKey());
            m.put("ok", s == null || s.ok());
            m.put("lastError", s == null ? null : s.lastError());
            m.put("consecutiveFailures", s == null ? 0 : s.consecutiveFailures());
            list.add(m);
        }
        out.put("channels", list);
        out.put("deliveries", outbox.counts());
        ScanEntity last = scanner.lastRun();
        out.put("lastScan", last == null ? null : Map.of("at", java.time.Instant.ofEpochMilli(last.lastRunAt),
                "holder", last.lastHolder == null ? "" : last.lastHolder, "rowsTouched", last.rowsTouched,
                "notices", last.notices, "millis", last.durationMs));
        out.put("scanLeaseHolder", leases.holder(Scanner.LEASE).orElse(null));
        return out;
    }

    private static ApiException notFound() {
        return new ApiException(404, "not-found", "未找到 / not found");
    }
}
