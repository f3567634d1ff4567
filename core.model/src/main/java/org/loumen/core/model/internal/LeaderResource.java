package org.loumen.core.model.internal;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.loumen.core.model.Community;
import org.loumen.core.model.DivisionCodes;
import org.loumen.core.model.Duty;
import org.loumen.core.model.ImportException;
import org.loumen.core.model.Education;
import org.loumen.core.model.Leader;
import org.loumen.core.model.LeaderDraft;
import org.loumen.core.model.LeaderQuery;
import org.loumen.core.model.LeaderRole;
import org.loumen.core.model.LeaderService;
import org.loumen.core.model.LeaderStatus;
import org.loumen.core.model.ModelException;
import org.loumen.core.model.OrganisationService;
import org.loumen.core.model.Page;
import org.loumen.security.Role;
import org.loumen.web.Access;
import org.loumen.web.ApiException;
import org.loumen.web.Inputs;
import org.loumen.web.ApiRequest;
import org.loumen.web.ApiResource;
import org.loumen.web.ApiResponse;
import org.loumen.web.NodeResolver;
import org.loumen.web.Routes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Leaders (楼门栋长): the information database, spreadsheet import and export, the profile report and the public
 * directory. Every route is scoped by its access rule; listings by the caller's scopes.
 */
@Component(service = ApiResource.class)
public final class LeaderResource implements ApiResource {

    static final Role[] STAFF = { Role.DISTRICT_ADMIN, Role.STREET_ADMIN, Role.COMMUNITY_SECRETARY };
    static final Role[] IMPORTERS = { Role.DISTRICT_ADMIN, Role.STREET_ADMIN };
    /** What spreadsheets are sent as: browsers send .csv as text/csv, or as application/vnd.ms-excel on Windows. */
    static final Set<String> CSV_TYPES = Set.of("text/csv", "application/csv", "text/plain",
            "application/vnd.ms-excel", "application/octet-stream");

    record Versioned(Long version, LocalDate on) {
    }

    record DraftWithVersion(String name, org.loumen.core.model.Gender gender, LocalDate birthDate,
            org.loumen.core.model.Education education, Boolean partyMember, String phone,
            org.loumen.core.model.Nomination nomination, Boolean liaison, String community,
            List<LeaderDraft.Place> assignments, Long version) {
        LeaderDraft draft() {
            return new LeaderDraft(name, gender, birthDate, education, partyMember, phone, nomination, liaison,
                    community, assignments);
        }
    }

    private final LeaderService leaders;
    private final OrganisationService organisation;

    @Activate
    public LeaderResource(@Reference LeaderService leaders, @Reference OrganisationService organisation) {
        this.leaders = leaders;
        this.organisation = organisation;
    }

    @Override
    public void routes(Routes routes) {
        NodeResolver leaderNode = r -> r.pathId("leader").flatMap(leaders::leader).map(l -> List.of(l.community()))
                .orElse(List.of());
        routes.get("/leaders", Access.within(STAFF).filteredBy("street", "community").personalData(), r -> {
            String sort = r.query("sort").orElse("name");
            if (!LeaderService.SORTS.contains(sort)) {
                throw new ApiException(400, "invalid-parameter", "sort 须为 " + LeaderService.SORTS + " 之一 / sort "
                        + "must be one of " + LeaderService.SORTS, "sort");
            }
            LeaderQuery query = new LeaderQuery(code(r, "street", 9), code(r, "community", 12),
                    r.query("q").orElse(null), named(r, "status", LeaderStatus.class), named(r, "role",
                            LeaderRole.class), age(r), educations(r));
            Page<Leader> page = leaders.find(r.scopes(), query, r.queryInt("page", 1, 1, 1_000_000),
                    r.queryInt("size", 50, 1, 200), sort);
            return Map.of("items", listed(page.items()), "total", page.total(), "totalCapped", page.totalCapped());
        })
                .get("/leaders/{leader}", Access.node(leaderNode, STAFF).personalData(),
                        r -> leaders.leader(r.pathId("leader").orElseThrow()).orElseThrow(
                                () -> ApiException.notFound("楼门栋长", "leader", r.pathParam("leader"))))
                .post("/communities/{community}/leaders", Access.node("community", STAFF), r -> {
                    DraftWithVersion body = r.body(DraftWithVersion.class);
                    LeaderDraft d = body.draft();
                    LeaderDraft here = new LeaderDraft(d.name(), d.gender(), d.birthDate(), d.education(),
                            d.partyMember(), d.phone(), d.nomination(), d.liaison(), r.pathParam("community"),
                            d.assignments());
                    var created = leaders.create(here);
                    r.auditDetail("leader " + created.id());
                    return ApiResponse.created(created);
                })
                .put("/leaders/{leader}", Access.node(leaderNode, STAFF), r -> {
                    DraftWithVersion body = r.body(DraftWithVersion.class);
                    if (body.version() == null) {
                        throw ApiException.invalidField("version", "缺少版本号 version（乐观锁） / version is required");
                    }
                    if (body.community() != null && !r.inScope(body.community())) {
                        throw ApiException.invalidField("community", "不在您的管辖范围 / outside your scope");
                    }
                    return leaders.update(r.pathId("leader").orElseThrow(),
                            body.draft(), body.version());
                })
                .put("/leaders/{leader}/phone-consent", Access.node(leaderNode, STAFF),
                        r -> consent(leaders, r, r.pathId("leader").orElseThrow()))
                .post("/leaders/{leader}/retire", Access.node(leaderNode, STAFF), r -> {
                    Versioned body = r.body(Versioned.class);
                    if (body.version() == null) {
                        throw ApiException.invalidField("version", "缺少版本号 version（乐观锁） / version is required");
                    }
                    return leaders.retire(r.pathId("leader").orElseThrow(), body.on(),
                            body.version());
                })
                .post("/imports/leaders", Access.within(IMPORTERS), r -> {
                    byte[] csv = csv(r);
                    try {
                        var result = leaders.importLeaders(csv, r.scopes());
                        r.auditDetail("imported " + result.imported() + " leaders");
                        return result;
                    } catch (ImportException e) {
                        r.auditDetail("refused: " + e.problems().size() + " bad rows");
                        throw invalidCsv(e);
                    }
                })
                .get("/exports/leaders", Access.within(STAFF).filteredBy("street").personalData(), r -> {
                    String street = code(r, "street", 9);
                    return ApiResponse.file("text/csv;charset=UTF-8", "楼门栋长" + (street == null ? "" : "-" + street)
                            + "-" + LocalDate.now(Days.CHINA) + ".csv",
                            leaders.exportLeaders(r.scopes(), street));
                })
                .get("/reports/leader-profile", Access.within(STAFF).filteredBy("street", "community"), r -> {
                    Optional<String> raw = r.query("asOf");
                    LocalDate asOf = raw.isPresent() ? Inputs.date("asOf", raw.get())
                            : LocalDate.now(Days.CHINA);
                    var p = leaders.profile(asOf, r.scopes(), code(r, "street", 9), code(r, "community", 12));
                    var f = p.figures();
                    Map<String, Object> out = new java.util.LinkedHashMap<>();
                    out.put("asOf", p.asOf());
                    out.put("total", f.total());
                    out.put("under60", f.under60());
                    out.put("under60Percent", f.under60Percent());
                    out.put("collegeOrAbove", f.collegeOrAbove());
                    out.put("collegeOrAbovePercent", f.collegeOrAbovePercent());
                    out.put("masters", f.masters());
                    out.put("doctorates", f.doctorates());
                    out.put("partyMembers", f.partyMembers());
                    out.put("partyMembersPercent", f.partyMembersPercent());
                    out.put("liaisons", f.liaisons());
                    out.put("liaisonShare", f.liaisonShare());
                    out.put("byStreet", p.byStreet());
                    out.put("coverage", p.coverage());
                    return out;
                })
                .get("/public/leaders", Access.publicRoute(), r -> {
                    String community = r.query("community").orElseThrow(() -> ApiException.invalidField("community",
                            "请给出社区代码 / community is required"));
                    if (!DivisionCodes.isCommunityCode(community)) {
                        throw ApiException.invalidField("community", "社区代码须为 12 位数字 / community must be a "
                                + "12-digit code");
                    }
                    return leaders.directory(community);
                })
                .get("/duties", Access.publicRoute(), r -> Arrays.stream(Duty.values())
                        .map(d -> Map.of("id", d.name(), "name", d.zh())).toList());
    }


    /** The body of a consent change: {@code {"consent": true|false}}. */
    record ConsentBody(Boolean consent) {
    }

    /**
     * Records or withdraws a leader's consent to a public phone number, by the caller: {@code {consent, at, by}}.
     * Staff at the leader's community and the leader themself ({@code PUT /me/phone-consent}) use it.
     */
    static Map<String, Object> consent(LeaderService leaders, ApiRequest r, long leader)
            throws ApiException, ModelException {
        ConsentBody body = r.body(ConsentBody.class);
        if (body.consent() == null) {
            throw ApiException.invalidField("consent", "请给出 consent: true 或 false / consent must be true or false");
        }
        Leader l = leaders.phoneConsent(leader, body.consent(), r.caller().username());
        r.auditDetail("leader " + leader + (body.consent() ? " consented to a public phone number"
                : " withdrew consent to a public phone number"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("consent", l.phoneConsent() != null);
        out.put("at", l.phoneConsent() == null ? null : l.phoneConsent().at());
        out.put("by", l.phoneConsent() == null ? null : l.phoneConsent().by());
        return out;
    }

    /**
     * The leaders of a listing as a table shows them: every field of the record, plus {@code age} (completed years
     * today, China time) and {@code communityName}.
     */
    private List<Map<String, Object>> listed(List<Leader> page) {
        LocalDate today = LocalDate.now(Days.CHINA);
        Map<String, String> names = new HashMap<>();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Leader l : page) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", l.id());
            m.put("name", l.name());
            m.put("gender", l.gender());
            m.put("birthDate", l.birthDate());
            m.put("age", Period.between(l.birthDate(), today).getYears());
            m.put("education", l.education());
            m.put("partyMember", l.partyMember());
            m.put("phone", l.phone());
            m.put("nomination", l.nomination());
            m.put("liaison", l.liaison());
            m.put("status", l.status());
            m.put("street", l.street());
            m.put("community", l.community());
            m.put("communityName", names.computeIfAbsent(l.community(),
                    c -> organisation.community(c).map(Community::name).orElse(null)));
            m.put("workId", l.workId());
            m.put("assignments", l.assignments());
            m.put("version", l.version());
            m.put("phoneConsent", l.phoneConsent());
            out.add(m);
        }
        return out;
    }

    /** An enum filter by its constant's name, or null; anything else is a 400 naming the parameter. */
    static <E extends Enum<E>> E named(ApiRequest r, String param, Class<E> type) throws ApiException {
        Optional<String> v = r.query(param);
        if (v.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, v.get());
        } catch (IllegalArgumentException e) {
            List<String> names = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
            throw new ApiException(400, "invalid-parameter", param + " 须为 " + names + " 之一 / " + param
                    + " must be one of " + names, param);
        }
    }

    private static LeaderQuery.AgeBand age(ApiRequest r) throws ApiException {
        Optional<String> v = r.query("age");
        if (v.isEmpty()) {
            return null;
        }
        return switch (v.get()) {
            case "under60" -> LeaderQuery.AgeBand.UNDER_60;
            case "60plus" -> LeaderQuery.AgeBand.SIXTY_PLUS;
            default -> throw new ApiException(400, "invalid-parameter", "age 须为 under60 或 60plus / age must be "
                    + "under60 or 60plus", "age");
        };
    }

    /** {@code education}: one level by name, or {@code collegeOrAbove} (大专及以上). */
    private static Set<Education> educations(ApiRequest r) throws ApiException {
        if (r.query("education").filter("collegeOrAbove"::equals).isPresent()) {
            return EnumSet.copyOf(Arrays.stream(Education.values()).filter(Education::collegeOrAbove).toList());
        }
        Education one = named(r, "education", Education.class);
        return one == null ? null : EnumSet.of(one);
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

    static byte[] csv(ApiRequest r) throws ApiException {
        String type = r.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        int semi = type.indexOf(';');
        String bare = (semi < 0 ? type : type.substring(0, semi)).strip();
        if (!CSV_TYPES.contains(bare)) {
            throw new ApiException(415, "unsupported-media-type",
                    "请上传 CSV 文件 (Content-Type: text/csv) / send a CSV file (Content-Type: text/csv)");
        }
        return r.bytes();
    }

    static ApiException invalidCsv(ImportException e) {
        return new ApiException(422, "invalid-csv", "导入文件有 " + e.problems().size() + " 处错误，未写入任何数据 / "
                + e.problems().size() + " problem(s) in the file; nothing was written").withItems("rows", e.problems());
    }
}
