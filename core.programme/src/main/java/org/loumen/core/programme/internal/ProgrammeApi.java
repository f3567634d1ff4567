package org.loumen.core.programme.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.loumen.core.model.DivisionCodes;
import org.loumen.core.model.Building;
import org.loumen.core.model.ModelException;
import org.loumen.core.model.OrganisationService;
import org.loumen.programme.data.PersonalData;
import org.loumen.programme.data.ProgrammeData;
import org.loumen.programme.data.UndeclaredReadException;
import org.loumen.programme.ProgrammeRequest;
import org.loumen.security.Caller;
import org.loumen.security.Role;
import org.loumen.web.Access;
import org.loumen.web.ApiException;
import org.loumen.web.ApiRequest;
import org.loumen.web.ApiResource;
import org.loumen.web.ApiResponse;
import org.loumen.web.JsonBodies;
import org.loumen.web.Handler;
import org.loumen.web.Routes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * One deployed programme's routes on the API whiteboard, under {@code /streets/{street}/programmes/<id>}. The
 * dispatcher checks the caller's access to the street ({@link Access#area}); this adds the street's enablement and
 * keeps a failing programme's exceptions to its own requests.
 */
final class ProgrammeApi implements ApiResource {

    private static final Logger LOG = LoggerFactory.getLogger(ProgrammeApi.class);

    private final String id;
    private final List<RouteCollector.Spec> specs;
    private final Enablement enablement;
    private final OrganisationService organisation;
    private final Set<PersonalData> reads;
    private final DataAccess data;

    ProgrammeApi(String id, List<RouteCollector.Spec> specs, Enablement enablement, OrganisationService organisation,
            Set<PersonalData> reads, DataAccess data) {
        this.id = id;
        this.specs = specs;
        this.enablement = enablement;
        this.organisation = organisation;
        this.reads = reads;
        this.data = data;
    }

    /** The qualified name of a programme's role, as granted and as the dispatcher checks it: {@code mediation:MEDIATOR}. */
    static String qualified(String programme, String role) {
        return programme + ":" + role;
    }

    static String prefix(String id) {
        return "/streets/{street}/programmes/" + id;
    }

    /** Where a route is served: public routes under {@code /public/streets/{street}/programmes/<id>}. */
    static String path(String id, RouteCollector.Spec spec) {
        return (spec.open() ? "/public" : "") + prefix(id) + spec.path();
    }

    @Override
    public void routes(Routes routes) {
        for (RouteCollector.Spec spec : specs) {
            if (spec.open()) {
                // the resident pages: anyone, no personal data; the enablement is checked as for every route
                Handler h = r -> invoke(spec, r);
                if (spec.method().equals("GET")) {
                    routes.get(path(id, spec), Access.publicRoute(), h);
                } else {
                    routes.post(path(id, spec), Access.publicRoute(), h);
                }
                continue;
            }
            // programme data is not reviewed by the core: every read is treated as a read of personal data (audited)
            String[] granted = spec.programmeRoles().stream().map(r -> qualified(id, r)).sorted()
                    .toArray(String[]::new);
            Access access = spec.roles().isEmpty() ? Access.areaGranted("street", granted)
                    : Access.area("street", spec.roles().toArray(Role[]::new));
            if (granted.length > 0 && !spec.roles().isEmpty()) {
                access = access.orGranted(granted);
            }
            access = access.personalData();
            String path = prefix(id) + spec.path();
            Handler h = r -> invoke(spec, r);
            switch (spec.method()) {
                case "GET" -> routes.get(path, access, h);
                case "POST" -> routes.post(path, access, h);
                case "PUT" -> routes.put(path, access, h);
                default -> routes.delete(path, access, h);
            }
        }
    }

    Object invoke(RouteCollector.Spec spec, ApiRequest r) throws ApiException {
        String street = r.pathParam("street");
        if (!DivisionCodes.hasStreetForm(street)) {
            throw new ApiException(404, "not-found", "未找到 / not found");
        }
        if (!enablement.isEnabled(street, id)) {
            throw new ApiException(404, "programme-disabled", "本街道未启用该项目 / the programme " + id
                    + " is not enabled for this street").with("programme", id);
        }
        try {
            // answers are turned into JSON here, so a programme object that cannot be written fails as the programme's
            Object out = spec.handler().handle(new Request(r, street, id, organisation, spec.open() ? Set.of() : reads,
                    data, spec.open()));
            if (out instanceof ApiResponse a) {
                return a.contentType() != null || a.body() == null ? a
                        : ApiResponse.of(a.status(), JsonBodies.written(a.body()));
            }
            return JsonBodies.written(out);
        } catch (ApiException e) {
            throw e;
        } catch (UndeclaredReadException e) {
            // a programming error the developer must see at once: say which declaration is missing
            LOG.error("Programme {} on {} {}: {}", id, r.method(), r.path(), e.getMessage());
            throw new ApiException(500, "undeclared-data", e.getMessage()).with("programme", id)
                    .with("kind", e.kind().name());
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            // a programme's bug (or a class gone with its bundle) fails this request only
            LOG.error("Programme {} failed on {} {} (street {})", id, r.method(), r.path(), street, e);
            throw new ApiException(500, "programme-error", "项目插件出错，已记录 / the programme " + id
                    + " failed; the error is logged").with("programme", id);
        }
    }

    /** A programme's view of the request: everything the dispatcher gave, plus the street and the programme. */
    private record Request(ApiRequest r, String street, String programme, OrganisationService organisation,
            Set<PersonalData> reads, DataAccess access, boolean open) implements ProgrammeRequest {

        /** Within the caller's part of the street; on a public route, anywhere in the street (no caller, no scope). */
        private boolean reaches(String code) {
            return open || inScope(code);
        }

        @Override
        public String place(String field, String code) throws ApiException {
            if (!DivisionCodes.hasPlaceForm(code)) {
                throw ApiException.invalidField(field, "须为社区、楼栋或楼门代码 / " + field + " must be a community (12 digits),"
                        + " building (…B003) or unit (…B003U02) code");
            }
            ApiException missing = new ApiException(404, "not-found", "未找到该地点 / no such place", field);
            String community = code.substring(0, 12);
            // within the caller's scopes: a leader of one unit may not name the whole building
            if (!code.startsWith(street) || !reaches(code) || organisation.community(community).isEmpty()) {
                throw missing;
            }
            if (code.length() == 12) {
                return code;
            }
            try {
                for (Building b : organisation.buildings(community)) {
                    if (b.code().equals(code) || code.startsWith(b.code())
                            && b.units().stream().anyMatch(u -> u.code().equals(code))) {
                        return code;
                    }
                }
            } catch (ModelException e) {
                throw missing;
            }
            throw missing;
        }

        @Override
        public ProgrammeData data() {
            return access.forRequest(programme, reads, r, street, this::place);
        }

        @Override
        public boolean hasBody() throws ApiException {
            return r.hasBody();
        }

        @Override
        public String community(String field, String code) throws ApiException {
            if (!DivisionCodes.hasCommunityForm(code)) {
                throw ApiException.invalidField(field, "须为 12 位社区代码 / " + field + " must be a 12-digit community code");
            }
            if (!code.startsWith(street) || !reaches(code) || organisation.community(code).isEmpty()) {
                throw new ApiException(404, "not-found", "未找到社区 / no such community", field);
            }
            return code;
        }

        @Override
        public String method() {
            return r.method();
        }

        @Override
        public String path() {
            return r.path();
        }

        @Override
        public String pathParam(String name) {
            return r.pathParam(name);
        }

        @Override
        public Optional<String> query(String name) {
            return r.query(name);
        }

        @Override
        public List<String> queryAll(String name) {
            return r.queryAll(name);
        }

        @Override
        public int queryInt(String name, int defaultValue, int min, int max) throws ApiException {
            return r.queryInt(name, defaultValue, min, max);
        }

        @Override
        public <T> T body(Class<T> type) throws ApiException {
            return r.body(type);
        }

        @Override
        public byte[] bytes() throws ApiException {
            return r.bytes();
        }

        @Override
        public String remoteAddress() {
            return r.remoteAddress();
        }

        @Override
        public Optional<String> header(String name) {
            return r.header(name);
        }

        @Override
        public Caller caller() {
            return r.caller();
        }

        @Override
        public Set<String> scopes() {
            return r.scopes();
        }

        @Override
        public void auditDetail(String detail) {
            r.auditDetail(detail);
        }
    }
}
