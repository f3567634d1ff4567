package org.loumen.programme;

import java.util.Objects;

import org.loumen.core.model.DivisionCodes;
import org.loumen.security.Role;

/**
 * A role a programme brings with it (项目角色), e.g. 人民调解员 (people's mediator) or 楼门管家 (steward), declared with
 * {@link ProgrammeRoutes#role(ProgrammeRole)}. User administration grants and revokes it at a node of the tree like a
 * core role ({@code POST /api/v1/programme-roles/grants}); routes admit its holders with {@link Allowed}. A grant is
 * kept when the programme is removed, and admits nobody until it is deployed again.
 *
 * @param id        upper-case letters, digits and underscores, e.g. {@code MEDIATOR}; unique within the programme
 * @param nameZh    the name people read, in Chinese (人民调解员)
 * @param nameEn    the name in English (People's mediator)
 * @param grantedBy the core role that may grant it, within its own scope (and any role that may grant that one, such
 *                  as the district admin); never {@link Role#LEADER} or {@link Role#AUDITOR}
 * @param level     the level of the tree it is held at: a grant names a node of exactly that level
 * @since 1.1
 */
public record ProgrammeRole(String id, String nameZh, String nameEn, Role grantedBy, Level level) {

    /** What a role id may look like. */
    public static final String ID_PATTERN = "[A-Z][A-Z0-9_]{0,39}";

    /** The level of the organisation tree a programme role is held at, by the shape of the node's code. */
    public enum Level {
        /** a street (街道/镇): 9 digits */
        STREET(DivisionCodes.STREET_FORM),
        /** a community (社区/村): 12 digits */
        COMMUNITY(DivisionCodes.COMMUNITY_FORM),
        /** a building (楼栋): community + B + 3 digits */
        BUILDING(DivisionCodes.BUILDING_FORM),
        /** a unit (楼门): building + U + 2 digits */
        UNIT(DivisionCodes.UNIT_FORM);

        private final String pattern;

        Level(String pattern) {
            this.pattern = pattern;
        }

        /** Whether a node code is of this level. */
        public boolean matches(String node) {
            return node != null && node.matches(pattern);
        }
    }

    public ProgrammeRole {
        Objects.requireNonNull(nameZh, "nameZh");
        Objects.requireNonNull(nameEn, "nameEn");
        Objects.requireNonNull(grantedBy, "grantedBy");
        Objects.requireNonNull(level, "level");
        if (id == null || !id.matches(ID_PATTERN)) {
            throw new IllegalArgumentException("a programme role id must match " + ID_PATTERN + ": " + id);
        }
        if (grantedBy == Role.LEADER || grantedBy == Role.AUDITOR) {
            throw new IllegalArgumentException("a programme role is granted by an administrator or secretary, not "
                    + grantedBy);
        }
    }
}
