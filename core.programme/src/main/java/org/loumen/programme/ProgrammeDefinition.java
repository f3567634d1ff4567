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

    /**
     * The service property that holds {@link #nameZh()}.
     *
     * @since 1.3
     */
    String NAME_ZH = PREFIX_ + "nameZh";

    /**
     * The service property that holds {@link #nameEn()}.
     *
     * @since 1.3
     */
    String NAME_EN = PREFIX_ + "nameEn";

    /**
     * The service property that holds {@link #descriptionZh()}.
     *
     * @since 1.3
     */
    String DESCRIPTION_ZH = PREFIX_ + "descriptionZh";

    /**
     * The service property that holds {@link #descriptionEn()}.
     *
     * @since 1.3
     */
    String DESCRIPTION_EN = PREFIX_ + "descriptionEn";

    /**
     * The service property that holds {@link #roles()}.
     *
     * @since 1.3
     */
    String ROLES = PREFIX_ + "roles";

    /**
     * The service property that holds {@link #consoleResources()}.
     *
     * @since 1.3
     */
    String CONSOLE_RESOURCES = PREFIX_ + "consoleResources";

    /**
     * The service property that holds {@link #consoleMenuZh()}.
     *
     * @since 1.3
     */
    String CONSOLE_MENU_ZH = PREFIX_ + "consoleMenuZh";

    /**
     * The service property that holds {@link #consoleMenuEn()}.
     *
     * @since 1.3
     */
    String CONSOLE_MENU_EN = PREFIX_ + "consoleMenuEn";

    /**
     * The service property that holds {@link #residentResources()}.
     *
     * @since 1.3
     */
    String RESIDENT_RESOURCES = PREFIX_ + "residentResources";

    /**
     * The service property that holds {@link #demoStreets()}.
     *
     * @since 1.3
     */
    String DEMO_STREETS = PREFIX_ + "demoStreets";

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
     * The folder inside the bundle that holds the programme's page in the staff console, e.g. {@code /console} (in a
     * Maven module {@code src/main/resources/console/}); empty when it has none.
     *
     * <p>The folder's {@code index.js} is the page: an ES module whose default export is
     * {@code { mount(element, ctx) }}, returning a function the console calls when the user leaves the page. The
     * console opens it at {@code #/p/<street>/<id>}, importing {@code /programme-pages/<id>/<version>/index.js}; every
     * file of the folder is served there, so the page may import modules beside it by relative paths. {@code ctx}
     * holds {@code kitVersion}, {@code street}, {@code streetName}, {@code programme} ({@code id, name, version,
     * roles}), {@code user} ({@code username, displayName, bindings}), {@code api} ({@code get/post/put/del/download}
     * under {@code /api/v1/streets/{street}/programmes/<id>} with the user's token; {@code api.core} for the whole
     * API), {@code vue} (the Vue 3 runtime), {@code html} (htm bound to Vue's {@code h}), {@code ui} (the console's
     * components: {@code DataTable}, {@code Field}, {@code FilterBar}, {@code BusyButton}, {@code confirmAction},
     * {@code useLoad}, {@code useForm}...), {@code i18n} and {@code tr}.
     *
     * <p>The files follow this service: a deployed bundle's page serves at once, an upgraded one's new files (raise the
     * version with every change: the version is in the page's address), a removed one's answer 404; no restart. The
     * page runs under the console's strict Content-Security-Policy: no inline script, no {@code eval}, no
     * {@code innerHTML} with data, nothing from another server; every visible string as {@code tr('中文', 'English')}.
     *
     * @see #consoleMenuZh()
     */
    String consoleResources() default "";

    /**
     * The page's entry in the console's menu, in Chinese (empty: the English entry, or the programme's name when both
     * are empty). A user sees it
     * for each street they work in that enabled the programme, while the programme is active and has
     * {@link #consoleResources()}, when they hold one of its {@link #roles()}. The page grants nothing: the
     * programme's routes check every call as for any client.
     */
    String consoleMenuZh() default "";

    /** The page's entry in the console's menu, in English (empty: the Chinese entry, or the programme's name). */
    String consoleMenuEn() default "";

    /**
     * The streets (9-digit codes) that a platform started with demo data ({@code --demo}) enables the programme for
     * the first time it sees it, e.g. {@code "120112103"} for 双港镇. Nothing happens without demo data, nor once any
     * street has switched the programme on or off: a street's own choice always stands.
     *
     * @since 1.1
     */
    String[] demoStreets() default {};

    /**
     * The folder inside the bundle that holds the programme's parts of the resident pages (居民页面), e.g.
     * {@code /resident} (in a Maven module {@code src/main/resources/resident/}); empty when it has none. Served at
     * {@code /resident-pages/<id>/<version>/<file>}, like {@link #consoleResources()}.
     *
     * <ul>
     * <li>{@code unit.js}: the unit page {@code /u/<unit>} (the door's QR code) imports it for each programme its
     * street enabled and mounts its default export {@code { mount(element, ctx) }} into a section of its own, after
     * the core's parts. {@code ctx} (frozen): {@code kitVersion} ({@code '1.0'}), {@code unit} ({@code code, label,
     * building, buildingLabel, community, communityName, street, streetName}), {@code programme} ({@code id, name,
     * version}), {@code api} ({@code get(path, query)}, {@code post(path, body)} under
     * {@code /api/v1/public/streets/<street>/programmes/<id>}, no token: only the programme's
     * {@linkplain ProgrammeRoutes#publicGet public routes}), {@code vue}, {@code html}, {@code tr}, {@code i18n} and
     * {@code ui} (the resident pages' parts: {@code Field}, {@code Busy}, {@code errorNote}).</li>
     * <li>{@code poster.js} (optional): the printed door poster (楼门公示牌) mounts it the same way into a band of
     * the sheet, with the same {@code ctx}; it should draw in mm and wait for its data before it resolves the promise
     * its {@code mount} may return (the page prints after it).</li>
     * </ul>
     * A street that has not enabled the programme gets no section and no band: the list the pages read
     * ({@code GET /api/v1/public/streets/{street}/programmes}) names only the programmes enabled there. Resident pages
     * run under the same Content-Security-Policy as the console and must show no personal data.
     *
     * @since 1.2
     */
    String residentResources() default "";
}
