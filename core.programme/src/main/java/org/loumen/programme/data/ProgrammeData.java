package org.loumen.programme.data;

import java.util.List;
import java.util.Optional;

import org.loumen.web.ApiException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Personal data for one programme request (from {@link org.loumen.programme.ProgrammeRequest#data()}): always
 * within the caller's scope in the street, only the declared kinds, each read audited under the programme's id.
 * A place outside the caller's scope is answered like a missing one.
 */
@ProviderType
public interface ProgrammeData {

    /** The kinds the programme declared. */
    java.util.Set<PersonalData> declared();

    /**
     * The leaders of a place (a community, building or unit code; {@code null}: all of the caller's scope in the
     * street) who are nominated or serving, by name.
     *
     * @throws UndeclaredReadException without {@link PersonalData#LEADER_NAMES}
     * @throws ApiException            404 {@code not-found} for a place outside the caller's scope or the street
     */
    List<LeaderView> leaders(String place) throws ApiException;

    /**
     * One leader within the caller's scope; empty when there is none (or it is outside).
     *
     * @throws UndeclaredReadException without {@link PersonalData#LEADER_NAMES}
     */
    Optional<LeaderView> leader(long id);

    /**
     * A leader's phone number within the caller's scope.
     *
     * @throws UndeclaredReadException without {@link PersonalData#LEADER_PHONES}
     */
    Optional<String> leaderPhone(long id);

    /**
     * The households of a place (a community, building or unit code; {@code null}: the caller's scope in the street),
     * at most 1,000.
     *
     * @throws UndeclaredReadException without {@link PersonalData#HOUSEHOLDS}
     * @throws ApiException            404 {@code not-found} for a place outside the caller's scope or the street
     */
    List<HouseholdView> households(String place) throws ApiException;
}
