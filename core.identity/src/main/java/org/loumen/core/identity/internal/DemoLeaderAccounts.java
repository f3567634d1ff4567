package org.loumen.core.identity.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.loumen.core.model.Leader;
import org.loumen.core.model.LeaderQuery;
import org.loumen.core.model.LeaderService;
import org.loumen.core.model.OrganisationService;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.condition.Condition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With {@code --demo}: one leader's account per demo community (演示楼门栋长账号), named by the leader's phone number,
 * its first password printed and added to {@code DATA/demo-accounts.txt} like the other demo accounts (role column
 * 楼门栋长). Each is a unit leader of a unit with households in the demo data, some with care tags. Waits for the
 * demo data's check (the condition {@code loumen.model.demo-checked} of core.model).
 */
@Component(immediate = true)
public final class DemoLeaderAccounts {

    /** Phone numbers of the demo leaders (invented people in demo/leaders.csv), one per demo community. */
    static final List<String> PHONES = List.of(
            "13900000005", // 港湾家园 120112103001: 2号楼2单元, households with 残疾人 and 空巢老人 tags
            "13900000011", // 120112103002: 1号楼2单元
            "13900000019", // 120112103003: 1号楼1单元
            "13900000028", // 120112001001: 1号楼1单元
            "13900000038", // 120112001002: 1号楼2单元
            "13900000046"); // 120112107001: 1号楼1单元
    private static final Logger LOG = LoggerFactory.getLogger(DemoLeaderAccounts.class);

    @Activate
    public DemoLeaderAccounts(BundleContext context, @Reference LeaderAccounts accounts,
            @Reference LeaderService leaders, @Reference OrganisationService organisation,
            @Reference(target = "(osgi.condition.id=loumen.model.demo-checked)",
                    cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
            Condition checked) {
        // active without it, so that health is UP while a warm start checks the demo after start; made again
        // with it (greedy) once the demo data's check is over
        if (checked == null) {
            return;
        }
        if (!Boolean.parseBoolean(context.getProperty("loumen.demo"))) {
            return;
        }
        if (accounts.allNamed(PHONES)) {
            // a warm start: every demo leader has their account (one query, where six district-wide searches by
            // phone and six look-ups cost some 8% of the start-up before UP)
            return;
        }
        Set<String> district = Set.of(organisation.district().code());
        List<String> lines = new ArrayList<>();
        for (String phone : PHONES) {
            Optional<Leader> leader = leaders.find(district, LeaderQuery.of(null, null, phone), 1, 5, "id").items()
                    .stream().filter(l -> phone.equals(l.phone())).findFirst();
            if (leader.isEmpty()) {
                LOG.warn("Demo leader {} not found: no demo account for them", phone);
                continue;
            }
            if (accounts.usernameOf(leader.get().id()).isPresent()) {
                continue; // a warm start: issued before (checked first, as making a password's hash is slow)
            }
            accounts.issueTo(leader.get(), "system").ifPresent(i -> lines.add(String.format("%-10s %-14s %s  %s",
                    "楼门栋长", i.username(), i.password(), i.name() + "（演示，" + i.communityName() + " " + i.places()
                            + "）")));
        }
        if (lines.isEmpty()) {
            return;
        }
        Path file = InitialAccounts.appendDemoLines(lines);
        PrintStream out = System.out;
        out.println("==== Loumen 楼门 ==== 演示楼门栋长账号（首次登录须修改密码） / demo leader accounts ====");
        lines.forEach(l -> out.println("  " + l));
        out.println("  (已写入 / also in " + file.toAbsolutePath() + ")");
        out.flush();
    }
}
