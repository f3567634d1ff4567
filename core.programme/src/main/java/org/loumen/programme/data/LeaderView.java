package org.loumen.programme.data;

import java.util.List;

/**
 * A leader (楼门栋长) as a programme sees it: only what it declared. {@code name} and {@code places} need
 * {@link PersonalData#LEADER_NAMES}; {@code phone} is {@code null} unless {@link PersonalData#LEADER_PHONES} is
 * declared.
 *
 * @param id        the leader's id, as in {@code /api/v1/leaders/{leader}}
 * @param name      the name
 * @param status    the lifecycle status ({@code IN_SERVICE}, {@code SUSPENDED}...)
 * @param community the community's 12-digit code
 * @param places    the units and buildings served today (their codes, e.g. {@code …B003U02} or {@code …B003})
 * @param phone     the phone number, or {@code null} when not declared
 */
public record LeaderView(long id, String name, String status, String community, List<String> places, String phone) {

    public LeaderView {
        places = List.copyOf(places);
    }
}
