package org.loumen.core.programme.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.loumen.core.model.ChinaTime;
import org.loumen.core.model.Assignment;
import org.loumen.core.model.Household;
import org.loumen.core.model.HouseholdService;
import org.loumen.core.model.Leader;
import org.loumen.core.model.LeaderQuery;
import org.loumen.core.model.LeaderService;
import org.loumen.core.model.OrganisationService;
import org.loumen.core.model.Page;
import org.loumen.programme.data.HouseholdView;
import org.loumen.programme.data.LeaderView;
import org.loumen.programme.data.PersonalData;
import org.loumen.programme.data.ProgrammeData;
import org.loumen.programme.data.UndeclaredReadException;
import org.loumen.security.AuditRecord;
import org.loumen.security.AuditTrail;
import org.loumen.security.Role;
import org.loumen.web.ApiException;
import org.loumen.web.ApiRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core's personal data as programmes get it ({@link ProgrammeData}): the caller's scope in the street, the
 * declared kinds only, every read (and every undeclared attempt) in the audit log under the programme's id. The one
 * place where a programme's declarations are enforced.
 */
@Component(service = DataAccess.class)
public final class DataAccess {

    private static final Logger LOG = LoggerFactory.getLogger(DataAccess.class);
    static final ZoneId CHINA = ChinaTime.ZONE;
    /** The most records one read returns. */
    static final int MAX = 1000;

    private final LeaderService leaders;
    private final HouseholdService households;
    private final OrganisationService organisation;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AuditTrail audit;

    @Activate
    public DataAccess(@Reference LeaderService leaders, @Reference HouseholdService households,
            @Reference OrganisationService organisation) {
        this.leaders = leaders;
        this.households = households;
        this.organisation = organisation;
    }

    /** The data one request of a programme may read. */
    ProgrammeData forRequest(String programme, Set<PersonalData> declared, ApiRequest request, String street,
            Places places) {
        return new Scoped(programme, declared, request, street, places);
    }

    /** Checks a client's place code (community, building, unit) against the street and the caller's scopes. */
    @FunctionalInterface
    interface Places {
        String place(String field, String code) throws ApiException;
    }

    private final class Scoped implements ProgrammeData {
        private final String programme;
        private final Set<PersonalData> declared;
        private final ApiRequest request;
        private final String street;
        private final Places places;

        Scoped(String programme, Set<PersonalData> declared, ApiRequest request, String street, Places places) {
            this.programme = programme;
            this.declared = Set.copyOf(declared);
            this.request = request;
            this.street = street;
            this.places = places;
        }

        @Override
        public Set<PersonalData> declared() {
            return declared;
        }

        private void require(PersonalData kind, String object) {
            if (!declared.contains(kind)) {
                record(kind, object, AuditRecord.Outcome.DENIED, "undeclared read refused");
                LOG.error("Programme {} read {} without declaring it", programme, kind);
                throw new UndeclaredReadException(programme, kind);
            }
        }

        /** The caller's nodes inside the street, narrowed to one place when given. */
        private Set<String> nodes(String place) throws ApiException {
            if (place == null) {
                return request.scopes().stream().filter(s -> s.startsWith(street) || street.startsWith(s))
                        .map(s -> s.length() < street.length() ? street : s).collect(Collectors.toSet());
            }
            return Set.of(places.place("place", place));
        }

        @Override
        public List<LeaderView> leaders(String place) throws ApiException {
            require(PersonalData.LEADER_NAMES, place);
            Set<String> nodes = nodes(place);
            Map<Long, LeaderView> out = new LinkedHashMap<>();
            for (String node : new TreeSet<>(nodes)) {
                String community = node.length() > 12 ? node.substring(0, 12) : node;
                for (int page = 1; out.size() < MAX; page++) {
                    Page<Leader> p = leaders.find(Set.of(community), LeaderQuery.of(street, null, null), page, 200,
                            "id");
                    for (Leader l : p.items()) {
                        LeaderView v = view(l);
                        if (community.equals(node) || v.places().stream().anyMatch(s -> s.startsWith(node))) {
                            out.putIfAbsent(l.id(), v);
                        }
                    }
                    if (p.items().size() < 200) {
                        break;
                    }
                }
            }
            List<LeaderView> list = new ArrayList<>(out.values()).subList(0, Math.min(MAX, out.size()));
            read(PersonalData.LEADER_NAMES, place, list.size() + " leaders");
            return List.copyOf(list);
        }

        private Optional<Leader> within(long id) {
            return leaders.leader(id).filter(l -> l.community() != null && l.community().startsWith(street)
                    && (request.inScope(l.community()) || places(l).stream().anyMatch(request::inScope)));
        }

        @Override
        public Optional<LeaderView> leader(long id) {
            require(PersonalData.LEADER_NAMES, "leader " + id);
            Optional<LeaderView> v = within(id).map(this::view);
            read(PersonalData.LEADER_NAMES, "leader " + id, v.isPresent() ? "1 leader" : "none in scope");
            return v;
        }

        @Override
        public Optional<String> leaderPhone(long id) {
            require(PersonalData.LEADER_PHONES, "leader " + id);
            Optional<String> phone = within(id).map(Leader::phone);
            read(PersonalData.LEADER_PHONES, "leader " + id, phone.isPresent() ? "1 phone" : "none in scope");
            return phone;
        }

        private LeaderView view(Leader l) {
            return new LeaderView(l.id(), l.name(), l.status() == null ? null : l.status().name(), l.community(),
                    places(l), declared.contains(PersonalData.LEADER_PHONES) ? l.phone() : null);
        }

        @Override
        public List<HouseholdView> households(String place) throws ApiException {
            require(PersonalData.HOUSEHOLDS, place);
            Set<String> nodes = nodes(place);
            List<HouseholdView> out = new ArrayList<>();
            for (String node : new TreeSet<>(nodes)) {
                String community = node.length() >= 12 ? node.substring(0, 12) : null;
                for (int page = 1; out.size() < MAX; page++) {
                    Page<Household> p = households.find(Set.of(community != null ? community : node), community,
                            null, null, page, 200);
                    for (Household h : p.items()) {
                        if (node.length() <= 12 || h.unit() != null && h.unit().startsWith(node)) {
                            out.add(view(h));
                        }
                    }
                    if (p.items().size() < 200) {
                        break;
                    }
                }
            }
            List<HouseholdView> list = out.subList(0, Math.min(MAX, out.size()));
            read(PersonalData.HOUSEHOLDS, place, list.size() + " households"
                    + (declared.contains(PersonalData.HOUSEHOLD_GROUPS) ? " with tags where the caller's role cares"
                            : ""));
            return List.copyOf(list);
        }

        private HouseholdView view(Household h) {
            Set<String> groups = null;
            if (declared.contains(PersonalData.HOUSEHOLD_GROUPS) && caresFor(h) && h.specialGroups() != null) {
                groups = h.specialGroups().stream().map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
            }
            return new HouseholdView(h.id(), h.unit(), h.room(), h.headName(), h.members(), h.phone(), groups);
        }

        /** The household rule of the core: its community's secretary, a leader bound to its building or unit. */
        private boolean caresFor(Household h) {
            boolean secretary = request.caller().covers(h.community(), Set.of(Role.COMMUNITY_SECRETARY));
            boolean leader = request.caller().bindings().stream().anyMatch(b -> b.role() == Role.LEADER
                    && b.node().length() > 12 && b.covers(h.unit()));
            return secretary || leader;
        }

        private void read(PersonalData kind, String object, String detail) {
            try {
                record(kind, object, AuditRecord.Outcome.SUCCESS, detail);
            } catch (RuntimeException e) {
                LOG.error("AUDIT NOT STORED: programme {} read {}", programme, kind, e);
                throw new IllegalStateException("审计日志不可用，未返回个人信息 / the audit log is unavailable, so no personal"
                        + " data is returned", e);
            }
        }

        private void record(PersonalData kind, String object, AuditRecord.Outcome outcome, String detail) {
            AuditTrail trail = audit;
            if (trail == null) {
                throw new IllegalStateException("no audit trail");
            }
            String actor = request.caller().anonymous() ? "anonymous" : request.caller().username();
            trail.record(new AuditRecord(actor, request.remoteAddress(), "programme." + programme + ".read " + kind,
                    object == null ? "street " + street + " " + request.scopes() : object, street, outcome,
                    outcome == AuditRecord.Outcome.SUCCESS ? 200 : 500, "programme " + programme + ": " + detail));
        }
    }

    /** The units and buildings a leader serves today. */
    static List<String> places(Leader l) {
        LocalDate today = LocalDate.now(CHINA);
        List<String> out = new ArrayList<>();
        if (l.assignments() != null) {
            for (Assignment a : l.assignments()) {
                if (a.activeOn(today)) {
                    out.add(a.unit() != null ? a.unit() : a.building());
                }
            }
        }
        return out;
    }

    OrganisationService organisation() {
        return organisation;
    }
}
