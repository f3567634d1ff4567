package org.loumen.core.model;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The leaders' information database (楼门栋长信息库). Scope is the caller's: every method that reads or writes many
 * records takes the codes the caller may reach: a record is within scope when its place code begins with one of them.
 */
@ProviderType
public interface LeaderService {

    /** Sort orders a listing accepts. */
    List<String> SORTS = List.of("name", "-name", "birthDate", "-birthDate", "id", "-id");

    /**
     * A page of leaders within scope, filtered by street, community (codes) and {@code q} (part of the name or
     * phone). {@code page} counts from 1; {@code sort} is one of {@link #SORTS}.
     */
    Page<Leader> find(Set<String> scopes, String street, String community, String q, int page, int size,
            String sort);

    /**
     * A page of leaders within scope matching every filter of the query. {@code page} counts from 1; {@code sort} is
     * one of {@link #SORTS}. The total is counted up to a cap ({@link Page#totalCapped()}).
     *
     * @since 1.2
     */
    Page<Leader> find(Set<String> scopes, LeaderQuery query, int page, int size, String sort);

    /**
     * The community of every leader within scope who matches the query, by leader id (ascending): one read of two
     * columns, for figures across a whole district (e.g. training coverage of the serving leaders) that need neither a
     * record per leader nor pages of them. No personal data.
     *
     * @since 1.6
     */
    SortedMap<Long, String> communities(Set<String> scopes, LeaderQuery query);

    /**
     * Of the given leaders, the community of each one within scope who matches the query, by leader id: for figures
     * about a few named leaders (e.g. who of a year's training attendees still serves) without reading every leader
     * in scope. No personal data.
     *
     * @since 1.8
     */
    SortedMap<Long, String> communities(Set<String> scopes, LeaderQuery query, Collection<Long> among);

    /**
     * How many leaders within scope match the query, per community (code to count; communities without any are
     * absent): counted by the database in one grouped read, nothing per leader leaves it. For district-wide figures.
     *
     * @since 1.8
     */
    SortedMap<String, Long> countsByCommunity(Set<String> scopes, LeaderQuery query);

    /**
     * How many leaders within scope match every filter of the query, counted exactly (a listing's total is counted
     * only up to a cap).
     *
     * @since 1.6
     */
    long count(Set<String> scopes, LeaderQuery query);

    Optional<Leader> leader(long id);

    /**
     * The names (姓名) of the leaders with these ids, for lists that show whose a row is: one query for the lot, not a
     * whole leader (places, assignments) for each. An id with no leader is left out.
     *
     * @since 1.9
     */
    Map<Long, String> names(Collection<Long> ids);

    /** @throws ModelException INVALID naming the field, CONFLICT for a phone number in use */
    Leader create(LeaderDraft draft) throws ModelException;

    /** Replaces the given fields (null leaves a field as it is). @throws ModelException also STALE */
    Leader update(long id, LeaderDraft draft, long expectedVersion) throws ModelException;

    /** Ends every assignment on the day and marks the leader retired. @throws ModelException also STALE */
    Leader retire(long id, LocalDate on, long expectedVersion) throws ModelException;

    /**
     * Imports a CSV of leaders (UTF-8 with or without BOM, or GB18030/GBK) all or nothing; missing communities,
     * buildings and units under known streets are created. Optional columns (since 1.3): {@code work_id} (工作证号,
     * unique in the street) and {@code liaison} (党建联络员: 是/否, true/false, 1/0).
     *
     * @param scopes codes the caller may reach (a code is within when it begins with one); rows outside are refused
     * @throws ImportException every bad row; nothing was written
     */
    ImportResult importLeaders(byte[] csv, Set<String> scopes) throws ImportException;

    /**
     * The leaders within scope (of one street if given) as CSV in the import's columns, UTF-8 with a BOM, cells
     * that a spreadsheet would run as a formula escaped.
     */
    byte[] exportLeaders(Set<String> scopes, String street);

    /** The profile report within scope, optionally narrowed to a street or community. */
    LeaderProfile profile(LocalDate asOf, Set<String> scopes, String street, String community);

    /**
     * The leaders serving a unit on a day: its unit leaders and the building leaders of its building. These are the
     * leaders a household of the unit evaluates.
     */
    List<Leader> serving(String unitCode, LocalDate day);

    /**
     * Records a person nominated (提名) in a community: status NOMINATED, no assignment yet (the draft's assignments
     * are ignored; the place they are nominated for is the workflow's record).
     *
     * @throws ModelException INVALID naming the field, CONFLICT for a phone number in use
     */
    Leader nominate(LeaderDraft person) throws ModelException;

    /**
     * Sets the status; core.workflow decides which moves are legal. A work ID (工作证号), when given, must be unique in
     * the leader's street. Leaving service (SUSPENDED keeps assignments; RESIGNED, NOT_REAPPOINTED and RETIRED end
     * them) is dated today.
     *
     * @throws ModelException NOT_FOUND, CONFLICT for a work ID in use in the street
     */
    Leader changeStatus(long id, LeaderStatus to, String workId) throws ModelException;

    /**
     * Puts a CERTIFIED (or serving) leader in charge of a unit or building of their community; the leader is then
     * IN_SERVICE. @throws ModelException INVALID for a place outside the community or a leader not certified
     */
    Leader assign(long id, LeaderDraft.Place place) throws ModelException;

    /** The public directory of a community: leaders in service, phone masked unless they consented. */
    List<PublicLeader> directory(String community);

    /**
     * Records (or, with {@code consent} false, withdraws) a leader's consent to show their full phone number to the
     * public (PIPL art. 25). Withdrawal clears it; the history is the audit trail's.
     *
     * @param by the account recording it
     * @return the leader as now stored
     * @throws ModelException NOT_FOUND
     * @since 1.3
     */
    Leader phoneConsent(long id, boolean consent, String by) throws ModelException;
}
