package org.loumen.core.model.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

import org.apache.aries.jpa.template.JpaTemplate;
import org.loumen.core.model.ImportException;
import org.loumen.core.model.ImportResult;
import org.loumen.core.model.Leader;
import org.loumen.core.model.LeaderDraft;
import org.loumen.core.model.LeaderProfile;
import org.loumen.core.model.LeaderQuery;
import org.loumen.core.model.LeaderService;
import org.loumen.core.model.LeaderStatus;
import org.loumen.core.model.ModelException;
import org.loumen.core.model.Page;
import org.loumen.core.model.PublicLeader;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Leaders in the {@code loumen.core} persistence unit: the one {@link LeaderService} component, handing each concern
 * to its part: {@link LeaderRecords} (browse and edit, status moves), {@link LeaderImportExport} (CSV in and out),
 * {@link ProfileReport} (the profile report) and {@link LeaderDirectory} (the public directory and phone consent).
 * The queries they share are {@link LeaderQueries} and {@link Reads}.
 */
@Component(service = LeaderService.class, configurationPid = ListingConfig.PID)
@Designate(ocd = ListingConfig.class)
public final class JpaLeaderService implements LeaderService {

    private final LeaderRecords records;
    private final LeaderImportExport spreadsheets;
    private final ProfileReport report;
    private final LeaderDirectory directory;

    @Activate
    public JpaLeaderService(@Reference CoreStore store, ListingConfig listing) {
        JpaTemplate jpa = store.jpa();
        this.records = new LeaderRecords(jpa, store::shared);
        modified(listing);
        this.spreadsheets = new LeaderImportExport(jpa);
        this.report = new ProfileReport(jpa, store::shared);
        this.directory = new LeaderDirectory(jpa, store::shared);
    }

    @Modified
    void modified(ListingConfig listing) {
        records.countCap(PageTotals.cap(listing));
    }

    // ---- import / export ----------------------------------------------------------------------------------------

    @Override
    public ImportResult importLeaders(byte[] csv, Set<String> scopes) throws ImportException {
        return spreadsheets.importLeaders(csv, scopes);
    }

    @Override
    public byte[] exportLeaders(Set<String> scopes, String street) {
        return spreadsheets.exportLeaders(scopes, street);
    }

    // ---- browse and edit ----------------------------------------------------------------------------------------

    @Override
    public Page<Leader> find(Set<String> scopes, String street, String community, String q, int page, int size,
            String sort) {
        return records.find(scopes, street, community, q, page, size, sort);
    }

    @Override
    public Page<Leader> find(Set<String> scopes, LeaderQuery filter, int page, int size, String sort) {
        return records.find(scopes, filter, page, size, sort);
    }

    @Override
    public SortedMap<Long, String> communities(Set<String> scopes, LeaderQuery query) {
        return records.communities(scopes, query);
    }

    @Override
    public SortedMap<Long, String> communities(Set<String> scopes, LeaderQuery query, Collection<Long> among) {
        return records.communities(scopes, query, among);
    }

    @Override
    public SortedMap<String, Long> countsByCommunity(Set<String> scopes, LeaderQuery query) {
        return records.countsByCommunity(scopes, query);
    }

    @Override
    public long count(Set<String> scopes, LeaderQuery filter) {
        return records.count(scopes, filter);
    }

    @Override
    public Optional<Leader> leader(long id) {
        return records.leader(id);
    }

    @Override
    public Map<Long, String> names(Collection<Long> ids) {
        return records.names(ids);
    }

    @Override
    public Leader create(LeaderDraft draft) throws ModelException {
        return records.create(draft);
    }

    @Override
    public Leader update(long id, LeaderDraft draft, long expectedVersion) throws ModelException {
        return records.update(id, draft, expectedVersion);
    }

    @Override
    public Leader retire(long id, LocalDate on, long expectedVersion) throws ModelException {
        return records.retire(id, on, expectedVersion);
    }

    @Override
    public List<Leader> serving(String unitCode, LocalDate day) {
        return records.serving(unitCode, day);
    }

    @Override
    public Leader nominate(LeaderDraft person) throws ModelException {
        return records.nominate(person);
    }

    @Override
    public Leader changeStatus(long id, LeaderStatus to, String workId) throws ModelException {
        return records.changeStatus(id, to, workId);
    }

    @Override
    public Leader assign(long id, LeaderDraft.Place place) throws ModelException {
        return records.assign(id, place);
    }

    // ---- reports ------------------------------------------------------------------------------------------------

    @Override
    public LeaderProfile profile(LocalDate asOf, Set<String> scopes, String street, String community) {
        return report.profile(asOf, scopes, street, community);
    }

    // ---- public directory ---------------------------------------------------------------------------------------

    @Override
    public List<PublicLeader> directory(String community) {
        return directory.directory(community);
    }

    @Override
    public Leader phoneConsent(long id, boolean consent, String by) throws ModelException {
        return directory.phoneConsent(id, consent, by);
    }
}
