package org.loumen.programme;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.loumen.security.Role;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * The service properties of a {@link Programme}, type-safe: put it on the programme's component class.
 *
 * <pre>
 * &#64;Component(service = Programme.class)
 * &#64;ProgrammeDefinition(id = "volunteer-brands", nameZh = "志愿服务品牌", nameEn = "Volunteer service brands")
 * public final class VolunteerBrands implements Programme { ... }
 * </pre>
 *
 * The programme's version is its bundle's version.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface ProgrammeDefinition {

    /** Every property name starts with this. */
    String PREFIX_ = "loumen.programme.";

    /** The service property that holds {@link #id()}. */
    String ID = PREFIX_ + "id";

    /** What an id may look like: lower-case letters, digits and dashes, 1–40 characters. */
    String ID_PATTERN = "[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?";

    /** The programme's id, part of its URLs: {@code [a-z0-9-]+}, unique on the platform. */
    String id();

    /** The name people read, in Chinese (e.g. 志愿服务品牌). */
    String nameZh();

    /** The name in English. */
    String nameEn();

    String descriptionZh() default "";

    String descriptionEn() default "";

    /**
     * The roles the programme serves: who may call its routes (unless a route names its own). A street admin or
     * district admin manages it; secretaries and leaders act inside their own communities.
     */
    Role[] roles() default { Role.DISTRICT_ADMIN, Role.STREET_ADMIN, Role.COMMUNITY_SECRETARY };

    /**
     * The folder inside the bundle that holds the programme's web-console pages (static resources), e.g.
     * {@code /console}; empty when it has none.
     */
    String consoleResources() default "";

    /** The web console's menu item, in Chinese; empty when it has none. */
    String consoleMenuZh() default "";

    /** The web console's menu item, in English. */
    String consoleMenuEn() default "";
}
