package org.loumen.core.workflow.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.loumen.core.model.Education;
import org.loumen.core.model.Gender;
import org.loumen.core.model.LeaderDraft;
import org.loumen.core.model.LeaderRole;
import org.loumen.core.model.LeaderService;
import org.loumen.core.model.LeaderStatus;
import org.loumen.core.model.Nomination;
import org.loumen.web.Access;
import org.loumen.web.ApiException;
import org.loumen.web.ApiResource;
import org.loumen.web.ApiResponse;
import org.loumen.web.NodeResolver;
import org.loumen.web.Routes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The leader lifecycle over HTTP: nomination, the meeting's decision, training, certification, service, leaving. */
@Component(service = ApiResource.class)
public final class LifecycleResource implements ApiResource {

    record NominationBody(String name, Gender gender, LocalDate birthDate, Education education, Boolean partyMember,
            String phone, Boolean liaison, Nomination method, String nominatedBy, LeaderRole role, String place) {
    }

    record DecisionBody(LocalDate meetingDate, Integer attendees, Integer votesFor, Integer votesAgainst,
            Integer abstentions) {
    }

    record TrainingBody(String session, LocalDate startsOn) {
    }

    record CertificationBody(String workId, LocalDate armbandIssuedOn) {
    }

    record AssessmentBody(TrainingRules.Result result, String note) {
    }

    record StatusBody(LeaderStatus to, String reason) {
    }

    private final LifecycleService lifecycle;
    private final LeaderService leaders;
    private final TrainingService training;

    @Activate
    public LifecycleResource(@Reference LifecycleService lifecycle, @Reference LeaderService leaders,
            @Reference TrainingService training) {
        this.lifecycle = lifecycle;
        this.leaders = leaders;
        this.training = training;
    }

    @Override
    public void routes(Routes routes) {
        NodeResolver leaderNode = r -> r.pathId("leader").flatMap(leaders::leader).map(l -> List.of(l.community()))
                .orElse(List.of());
        Access organisers = Access.node(leaderNode, EvaluationResource.ORGANISERS);
        routes.post("/communities/{community}/nominations",
                Access.node("community", EvaluationResource.ORGANISERS), r -> {
                    NominationBody b = r.body(NominationBody.class);
                    if (b.method() == null) {
                        throw ApiException.invalidField("method", "须为 SELF（自荐）或 RECOMMENDED（推荐） / method is "
                                + "required");
                    }
                    LeaderDraft person = new LeaderDraft(b.name(), b.gender(), b.birthDate(), b.education(),
                            b.partyMember(), b.phone(), b.method(), b.liaison(), r.pathParam("community"), null);
                    var l = lifecycle.nominate(person, b.method().name(), b.nominatedBy(), b.role(), b.place(),
                            r.caller().username());
                    r.auditDetail("nominated leader " + l.id());
                    return ApiResponse.created(l);
                })
                .post("/leaders/{leader}/decision", organisers, r -> {
                    DecisionBody b = r.body(DecisionBody.class);
                    if (b.meetingDate() == null || b.meetingDate().isAfter(LocalDate.now(EvaluationService.CHINA))) {
                        throw ApiException.invalidField("meetingDate", "会议日期须为今天或以前 / meetingDate is "
                                + "required and not in the future");
                    }
                    int attendees = count(b.attendees(), "attendees", 1);
                    int yes = count(b.votesFor(), "votesFor", 0);
                    int no = count(b.votesAgainst(), "votesAgainst", 0);
                    int abstain = count(b.abstentions(), "abstentions", 0);
                    if (yes + no + abstain > attendees) {
                        throw ApiException.invalidField("attendees", "票数之和不能超过出席人数 / the votes add up to more "
                                + "than the attendees");
                    }
                    boolean approved = Lifecycle.approves(attendees, yes);
                    return lifecycle.move(r.pathId("leader").orElseThrow(), approved ? LeaderStatus.APPROVED : LeaderStatus.REJECTED,
                            r.caller().username(), "居(村)民代表会议 " + b.meetingDate(),
                            "attendees " + attendees + ", for " + yes + ", against " + no + ", abstained " + abstain,
                            null, Map.of());
                })
                .post("/leaders/{leader}/training", organisers, r -> {
                    TrainingBody b = r.body(TrainingBody.class);
                    if (b.session() == null || b.session().isBlank() || b.session().length() > 100) {
                        throw ApiException.invalidField("session", "请写明培训班次 / session is required (1-100)");
                    }
                    // a session known by name only (a batch is the fuller way, POST /training-batches/{id}/enrolments):
                    // the enrolment is kept, and certification still waits for its assessment
                    return training.enrolInSession(r.pathId("leader").orElseThrow(), b.session().strip(),
                            "session " + b.session().strip() + (b.startsOn() == null ? "" : " from " + b.startsOn()),
                            r.caller().username());
                })
                .post("/leaders/{leader}/assessment", organisers, r -> {
                    AssessmentBody b = r.body(AssessmentBody.class);
                    long id = r.pathId("leader").orElseThrow();
                    training.assessLeader(id, b.result(), b.note(), r.caller().username());
                    r.auditDetail("leader " + id + " assessed " + b.result());
                    return Map.of("leader", id, "result", b.result(), "status", leaders.leader(id).orElseThrow()
                            .status(), "training", training.record(id));
                })
                .post("/leaders/{leader}/certification", organisers, r -> {
                    // the work ID may be left out: the configured pattern then makes one
                    CertificationBody b = r.body(CertificationBody.class);
                    return training.certify(r.pathId("leader").orElseThrow(), b.workId(), b.armbandIssuedOn(),
                            r.caller().username());
                })
                .post("/leaders/{leader}/activation", organisers, r -> lifecycle.move(r.pathId("leader").orElseThrow(),
                        LeaderStatus.IN_SERVICE, r.caller().username(), null, "on the nominated place", null, Map.of()))
                .post("/leaders/{leader}/status", organisers, r -> {
                    StatusBody b = r.body(StatusBody.class);
                    if (b.to() != LeaderStatus.SUSPENDED && b.to() != LeaderStatus.RESIGNED
                            && b.to() != LeaderStatus.IN_SERVICE) {
                        throw ApiException.invalidField("to", "须为 SUSPENDED、RESIGNED 或 IN_SERVICE（恢复） / to must be "
                                + "SUSPENDED, RESIGNED or IN_SERVICE (resume)");
                    }
                    if (b.reason() == null || b.reason().isBlank()) {
                        throw ApiException.invalidField("reason", "请写明原因 / reason is required");
                    }
                    return lifecycle.move(r.pathId("leader").orElseThrow(), b.to(), r.caller().username(), b.reason().strip(),
                            null, null, Map.of());
                })
                .get("/leaders/{leader}/actions", organisers, r -> {
                    var l = leaders.leader(r.pathId("leader").orElseThrow()).orElseThrow(
                            () -> ApiException.notFound("楼门栋长", "leader", r.pathParam("leader")));
                    return Map.of("status", l.status(), "actions", actions(l));
                })
                .get("/leaders/{leader}/history", organisers, r -> lifecycle.history(r.pathId("leader").orElseThrow()));
    }

    /**
     * The lifecycle's actions, with the training's state: a leader in training is assessed before certification, and
     * one whose last result was a fail or absence is enrolled again (in a batch).
     */
    private List<String> actions(org.loumen.core.model.Leader l) {
        List<String> actions = Lifecycle.actions(l.status());
        if (l.status() != LeaderStatus.IN_TRAINING) {
            return actions;
        }
        List<TrainingRules.Result> results = training.record(l.id()).stream().map(e -> e.result() == null ? null
                : TrainingRules.Result.valueOf(e.result())).toList();
        return switch (TrainingRules.standing(results)) {
            case PASSED -> actions;
            case RETAKE -> List.of("reenrol");
            default -> List.of("assessment");
        };
    }

    private static int count(Integer value, String field, int min) throws ApiException {
        if (value == null || value < min || value > 100_000) {
            throw ApiException.invalidField(field, field + " 须为不小于 " + min + " 的整数 / " + field
                    + " must be a whole number from " + min);
        }
        return value;
    }

}
