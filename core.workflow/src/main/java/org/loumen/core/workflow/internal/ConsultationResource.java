package org.loumen.core.workflow.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.loumen.domain.Refusal;
import org.loumen.security.Role;
import org.loumen.throttle.Throttles;
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

/**
 * Unit consultations over HTTP: the community (or a leader, for their own places) opens one; leaders and the
 * secretary record door-to-door answers; a household answers with its code on the resident pages, where the results
 * of its unit's and building's consultations are shown (counts only, never who answered or their words).
 */
@Component(service = ApiResource.class)
public final class ConsultationResource implements ApiResource {

    static final Role[] PEOPLE = { Role.DISTRICT_ADMIN, Role.STREET_ADMIN, Role.COMMUNITY_SECRETARY, Role.LEADER };
    static final Role[] DOOR = { Role.COMMUNITY_SECRETARY, Role.LEADER };

    record OpenBody(String place, String question, String kind, List<String> options, LocalDate opensOn,
            LocalDate closesOn) {
    }

    record AnswerBody(Long household, Integer choice, String text) {
    }

    record CodeBody(String code, Integer choice, String text) {
    }

    record LinkBody(Long report, Long meeting) {
    }

    /** What the unit page shows of one consultation: the question and the counts. */
    record Public(long id, String question, ConsultationRules.Kind kind, String placeLabel, LocalDate opensOn,
            LocalDate closesOn, boolean open, long households, long answered,
            List<ConsultationService.OptionCount> options, long freeAnswers) {
    }

    private final ConsultationService consultations;
    private final Throttles.Backoff backoff;

    @Activate
    public ConsultationResource(@Reference ConsultationService consultations, @Reference Throttles throttles) {
        this.consultations = consultations;
        this.backoff = throttles.backoff("consultation-code", 10, Duration.ofSeconds(60));
    }

    @Override
    public void routes(Routes routes) {
        NodeResolver place = r -> r.pathId("consultation").flatMap(consultations::placeOf).map(List::of)
                .orElse(List.of());
        routes.post("/communities/{community}/consultations", Access.node("community",
                EvaluationResource.ORGANISERS), r -> {
                    OpenBody b = r.body(OpenBody.class);
                    if (b.place() == null || !b.place().startsWith(r.pathParam("community"))) {
                        throw ApiException.invalidField("place", "须为本社区的楼门或楼栋 / place must be a unit or building "
                                + "of this community");
                    }
                    return opened(r, consultations.open(b.place(), b.question(), b.kind(), b.options(), b.opensOn(),
                            b.closesOn(), r.caller().username(), null));
                })
                .post("/me/consultations", Access.within(Role.LEADER), r -> {
                    OpenBody b = r.body(OpenBody.class);
                    if (b.place() == null || Me.places(r.caller()).stream().noneMatch(b.place()::startsWith)) {
                        throw ApiException.invalidField("place", "须为您负责的楼门或楼栋 / place must be one of your units "
                                + "or buildings");
                    }
                    return opened(r, consultations.open(b.place(), b.question(), b.kind(), b.options(), b.opensOn(),
                            b.closesOn(), r.caller().username(), Me.leaderId(r.caller()).orElse(null)));
                })
                .get("/consultations", Access.within(PEOPLE).filteredBy("street", "community"),
                        r -> consultations.list(r.scopes(), ReportResource.code(r, "street", 9),
                                ReportResource.code(r, "community", 12)))
                .get("/consultations/{consultation}", Access.node(place, PEOPLE),
                        r -> consultations.consultation(id(r)).orElseThrow(Civic::notFound))
                .get("/consultations/{consultation}/results", Access.node(place, PEOPLE).personalData(),
                        r -> consultations.results(id(r), true))
                .get("/consultations/{consultation}/codes", Access.node(place, PEOPLE).personalData(),
                        r -> consultations.codes(id(r)))
                .post("/consultations/{consultation}/answers", Access.node(place, DOOR), r -> {
                    AnswerBody b = r.body(AnswerBody.class);
                    consultations.answerAtDoor(id(r), b.household(), b.choice(), b.text(), r.caller().username());
                    r.auditDetail("door-to-door answer of household " + b.household());
                    return ApiResponse.created(consultations.results(id(r), false));
                })
                .post("/consultations/{consultation}/close", Access.node(place, PEOPLE),
                        r -> consultations.close(id(r)))
                .post("/consultations/{consultation}/links", Access.node(place, PEOPLE), r -> {
                    LinkBody b = r.body(LinkBody.class);
                    return consultations.link(id(r), b.report(), b.meeting());
                })
                .post("/public/consultations/lookup", Access.publicRoute(), r -> {
                    CodeBody b = r.body(CodeBody.class);
                    throttle(r);
                    return consultations.lookup(b.code()).orElseThrow(() -> unknown(r));
                })
                .post("/public/consultations/answers", Access.publicRoute(), r -> {
                    CodeBody b = r.body(CodeBody.class);
                    throttle(r);
                    if (consultations.lookup(b.code()).isEmpty()) {
                        throw unknown(r);
                    }
                    consultations.answerByCode(b.code(), b.choice(), b.text());
                    return ApiResponse.created(Map.of("answered", true));
                })
                .get("/public/units/{unit}/consultations", Access.publicRoute(), r -> {
                    String unit = r.pathParam("unit");
                    if (unit == null || !unit.matches(Places.UNIT_CODE)) {
                        throw Civic.notFound();
                    }
                    return consultations.forUnit(unit).stream().map(v -> {
                        ConsultationService.Results res = consultations.results(v.id(), false);
                        return new Public(v.id(), v.question(), v.kind(), v.placeLabel(), v.opensOn(), v.closesOn(),
                                v.open(), res.households(), res.answered(), res.options(), res.freeAnswers());
                    }).toList();
                });
    }

    private static long id(ApiRequest r) throws Refusal {
        return r.pathId("consultation").orElseThrow(Civic::notFound);
    }

    private static ApiResponse opened(ApiRequest r, ConsultationService.View v) {
        r.auditDetail("consultation " + v.id() + " at " + v.place() + ", " + v.households() + " codes");
        return ApiResponse.created(v);
    }

    private void throttle(ApiRequest r) throws ApiException {
        long wait = backoff.waitMillis(r.remoteAddress());
        if (wait > 0) {
            throw new ApiException(429, "too-many-attempts", "尝试次数过多，请稍后再试 / too many attempts; try again "
                    + "later", "code").retryAfter((wait + 999) / 1000);
        }
    }

    private ApiException unknown(ApiRequest r) {
        backoff.failed(r.remoteAddress());
        return new ApiException(404, "not-found", "户码不正确，请核对后再输入 / no such code; check it and type it again",
                "code");
    }
}
