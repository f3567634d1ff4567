package org.loumen.core.workflow.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The sub-committees every residents' committee has (居民委员会下属委员会), configured once for the district (PID
 * {@value #PID}): each entry {@code KEY|中文名|English name}. A community's members are kept per key; a key taken out
 * of the configuration keeps its members (shown under the key).
 */
@Component(service = SubCommittees.class, configurationPid = SubCommittees.PID)
@Designate(ocd = SubCommittees.Config.class)
public final class SubCommittees {

    static final String PID = "org.loumen.subcommittees";

    @ObjectClassDefinition(id = PID, name = "Loumen 居委会下属委员会 / residents' committee sub-committees",
            description = "每行一个：KEY|中文名|English name / one a line: KEY|Chinese name|English name")
    public @interface Config {
        @AttributeDefinition(name = "下属委员会 / sub-committees")
        String[] committees() default { "MEDIATION|人民调解委员会|People's mediation",
                "SECURITY|治安保卫委员会|Public security", "HEALTH|公共卫生委员会|Public health",
                "ENVIRONMENT|环境和物业管理委员会|Environment and property management",
                "ELDERLY|养老服务委员会|Elderly care" };
    }

    /** One sub-committee kind. */
    record Committee(String key, String zh, String en) {
    }

    private volatile List<Committee> committees = List.of();

    @Activate
    @Modified
    void configure(Config config) {
        committees = parse(config.committees());
    }

    /** Parses the configured lines; malformed lines and repeated keys are left out. */
    static List<Committee> parse(String[] lines) {
        List<Committee> out = new ArrayList<>();
        for (String line : lines == null ? new String[0] : lines) {
            String[] p = line == null ? new String[0] : line.split("\\|", -1);
            if (p.length < 2 || !p[0].strip().matches("[A-Z][A-Z0-9_]{0,31}") || p[1].isBlank()
                    || out.stream().anyMatch(c -> c.key().equals(p[0].strip()))) {
                continue;
            }
            out.add(new Committee(p[0].strip(), p[1].strip(), p.length > 2 && !p[2].isBlank() ? p[2].strip()
                    : p[0].strip()));
        }
        return List.copyOf(out);
    }

    List<Committee> all() {
        return committees;
    }

    Optional<Committee> find(String key) {
        return committees.stream().filter(c -> c.key().equals(key)).findFirst();
    }
}
