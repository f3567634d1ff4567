package org.loumen.core.workflow.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.loumen.core.model.LeaderService;
import org.loumen.security.Role;
import org.loumen.web.Access;
import org.loumen.web.ApiException;
import org.loumen.web.ApiResource;
import org.loumen.web.ApiResponse;
import org.loumen.web.NodeResolver;
import org.loumen.web.Routes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Onboarding training batches over HTTP (入职培训班): a street's admins run them; district admins too. Secretaries read
 * the batches of their street and their leaders' records; the figures follow each caller's scope.
 */
@Component(service = ApiResource.class)
public final class TrainingResource implements ApiResource {

    static final Role[] RUNNERS = { Role.DISTRICT_ADMIN, Role.STREET_ADMIN };

    record EnrolBody(List<Long> leaders) {
    }

    record AttendanceBody(List<Long> present) {
    }

    record WithdrawBody(Long leader, String reason) {
    }

    record AssessBody(Long leader, TrainingRules.Result result, String note) {
    }

    record CertifyBody(Long leader, String workId, LocalDate armbandIssuedOn) {
    }

    private final TrainingBatches batches;
    private final TrainingService training;
    private final LeaderService leaders;

    @Activate
    public TrainingResource(@Reference TrainingBatches batches, @Reference TrainingService training,
            @Reference LeaderService leaders) {
        this.batches = batches;
        this.training = training;
        this.leaders = leaders;
    }

    @Override
    public void routes(Routes routes) {
        NodeResolver street = r -> r.pathId("batch").flatMap(batches::streetOf).map(List::of).orElse(List.of());
        NodeResolver leaderNode = r -> r.pathId("leader").flatMap(leaders::leader).map(l -> List.of(l.community()))
                .orElse(List.of());
        Access runners = Access.node(street, RUNNERS);
        routes.post("/streets/{street}/training-batches", Access.node("street", RUNNERS), r -> {
            TrainingBatches.Batch b = batches.create(r.pathParam("street"), r.body(TrainingBatches.BatchDraft.class),
                    r.caller().username());
            r.auditDetail("training batch " + b.id());
            return ApiResponse.created(b);
        })
                .get("/training-batches", Access.within(EvaluationResource.ORGANISERS).filteredBy("street"),
                        r -> batches.batches(r.scopes(), ReportResource.code(r, "street", 9)))
                .get("/training-batches/{batch}", runners, r -> batches.batch(r.pathId("batch").orElseThrow())
                        .orElseThrow(() -> ApiException.notFound("培训班", "batch", r.pathParam("batch"))))
                .get("/training-batches/{batch}/roster", runners.personalData(),
                        r -> training.roster(r.pathId("batch").orElseThrow()))
                .get("/training-batches/{batch}/candidates", runners.personalData(),
                        r -> training.candidates(r.pathId("batch").orElseThrow()))
                .put("/training-batches/{batch}", runners, r -> {
                    long id = r.pathId("batch").orElseThrow();
                    r.auditDetail("training batch " + id + " edited");
                    return batches.update(id, r.body(TrainingBatches.BatchDraft.class), r.caller().username());
                })
                .post("/training-batches/{batch}/cancellation", runners, r -> {
                    long id = r.pathId("batch").orElseThrow();
                    TrainingService.Withdrawal b = r.body(TrainingService.Withdrawal.class);
                    r.auditDetail("training batch " + id + " cancelled");
                    return training.cancel(id, b.reason(), r.caller().username());
                })
                .post("/training-batches/{batch}/withdrawals", runners, r -> {
                    WithdrawBody b = r.body(WithdrawBody.class);
                    if (b.leader() == null) {
                        throw ApiException.invalidField("leader", "请指明楼门栋长 / leader is required");
                    }
                    long id = r.pathId("batch").orElseThrow();
                    r.auditDetail("leader " + b.leader() + " withdrawn from training batch " + id);
                    return training.withdraw(id, b.leader(), b.reason(), r.caller().username());
                })
                .post("/training-batches/{batch}/enrolments", runners, r -> {
                    EnrolBody b = r.body(EnrolBody.class);
                    r.auditDetail("enrolled " + b.leaders());
                    return training.enrol(r.pathId("batch").orElseThrow(), b.leaders(), r.caller().username());
                })
                .put("/training-batches/{batch}/attendance/{day}", runners, r -> {
                    LocalDate day;
                    try {
                        day = LocalDate.parse(r.pathParam("day"));
                    } catch (java.time.format.DateTimeParseException e) {
                        throw ApiException.invalidField("day", "日期格式为 2026-11-30 / day is a date like 2026-11-30");
                    }
                    return training.attendance(r.pathId("batch").orElseThrow(), day,
                            r.body(AttendanceBody.class).present());
                })
                .post("/training-batches/{batch}/assessments", runners, r -> {
                    AssessBody b = r.body(AssessBody.class);
                    if (b.leader() == null) {
                        throw ApiException.invalidField("leader", "请指明楼门栋长 / leader is required");
                    }
                    r.auditDetail("leader " + b.leader() + " assessed " + b.result());
                    return training.assess(r.pathId("batch").orElseThrow(), b.leader(), b.result(), b.note(),
                            r.caller().username());
                })
                .post("/training-batches/{batch}/certifications", runners, r -> {
                    CertifyBody b = r.body(CertifyBody.class);
                    if (b.leader() == null) {
                        throw ApiException.invalidField("leader", "请指明楼门栋长 / leader is required");
                    }
                    var l = training.certify(r.pathId("batch").orElseThrow(), b.leader(), b.workId(),
                            b.armbandIssuedOn(), r.caller().username());
                    r.auditDetail("leader " + l.id() + " certified, work ID " + l.workId());
                    return l;
                })
                .get("/leaders/{leader}/training", Access.node(leaderNode, EvaluationResource.ORGANISERS),
                        r -> Map.of("onboarding", training.record(r.pathId("leader").orElseThrow())))
                .get("/training/figures", Access.within(EvaluationResource.ORGANISERS).filteredBy("street"),
                        r -> training.figures(r.scopes(), ReportResource.code(r, "street", 9)));
    }
}
