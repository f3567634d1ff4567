package org.loumen.core.identity.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.loumen.core.model.OrganisationService;
import org.loumen.security.Role;
import org.loumen.security.RoleBinding;
import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The accounts that exist before anyone can create one (初始账号). There are no default passwords: on the first start
 * the district administrator {@code admin} gets the password the operator puts in {@code LOUMEN_ADMIN_PASSWORD}
 * (their own, kept), or else a generated one that is printed once and written to {@code DATA/initial-admin-password}
 * (owner-only) and must be changed at first sign-in. With {@code --demo}, demo accounts with generated passwords are
 * added and printed the same way.
 */
final class InitialAccounts {

    static final String ADMIN = "admin";
    static final String ENV_PASSWORD = "LOUMEN_ADMIN_PASSWORD";
    static final String PASSWORD_FILE = "initial-admin-password";
    static final String DEMO_FILE = "demo-accounts.txt";
    private static final Logger LOG = LoggerFactory.getLogger(InitialAccounts.class);

    /** A demo account: invented people at real places of the district. */
    private record Demo(String username, String displayName, Role role, String node) {
    }

    private static final List<Demo> DEMO = List.of(
            new Demo("shuanggang", "双港镇管理员（演示）", Role.STREET_ADMIN, "120112103"),
            new Demo("shuangxin", "双新街道管理员（演示）", Role.STREET_ADMIN, "120112001"),
            new Demo("gangwan", "港湾家园社区书记（演示）", Role.COMMUNITY_SECRETARY, "120112103001"),
            new Demo("auditor", "审计员（演示）", Role.AUDITOR, null));

    private final AccountStore accounts;
    private final PasswordHasher hasher;
    private final OrganisationService organisation;
    private final BundleContext context;

    InitialAccounts(AccountStore accounts, PasswordHasher hasher, OrganisationService organisation,
            BundleContext context) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.organisation = organisation;
        this.context = context;
    }

    /** Stores an account made without an acting user, its password hashed as configured. */
    private void createInitial(String username, String displayName, List<RoleBinding> bindings, String password,
            boolean mustChange) {
        accounts.createInitial(username, displayName, bindings, hasher.hash(password), mustChange);
    }

    void ensure() {
        String district = organisation.district().code();
        List<String> lines = new ArrayList<>();
        if (!accounts.hasAccounts()) {
            String fromEnv = System.getenv(ENV_PASSWORD);
            if (fromEnv != null && !fromEnv.isEmpty()) {
                String problem = PasswordPolicy.problem(ADMIN, fromEnv).orElse(null);
                if (problem != null) {
                    System.err.println("LOUMEN_ADMIN_PASSWORD 不符合密码规则，未创建管理员 / LOUMEN_ADMIN_PASSWORD is refused, "
                            + "no administrator created: " + problem);
                    throw new IllegalStateException(ENV_PASSWORD + " does not meet the password rules: " + problem);
                }
                createInitial(ADMIN, "区级管理员", List.of(new RoleBinding(Role.DISTRICT_ADMIN, district)),
                        fromEnv, false);
                LOG.info("District administrator '{}' created with the password from {}", ADMIN, ENV_PASSWORD);
            } else {
                String generated = PasswordPolicy.generate();
                createInitial(ADMIN, "区级管理员", List.of(new RoleBinding(Role.DISTRICT_ADMIN, district)),
                        generated, true);
                Path file = dataFolder().resolve(PASSWORD_FILE);
                writeOwnerOnly(file, generated + "\n");
                lines.add("区级管理员 / district administrator:  admin  " + generated);
                lines.add("  (已写入 / also in " + file.toAbsolutePath() + "; 首次登录须修改 / change it at first sign-in)");
                LOG.info("District administrator '{}' created; its generated password is in {}", ADMIN, file);
            }
        }
        if (Boolean.parseBoolean(context.getProperty("loumen.demo"))) {
            List<String> demoLines = new ArrayList<>();
            for (Demo d : DEMO) {
                if (accounts.exists(d.username())) {
                    continue;
                }
                String pw = PasswordPolicy.generate();
                createInitial(d.username(), d.displayName(),
                        List.of(new RoleBinding(d.role(), d.node() == null ? district : d.node())), pw, true);
                demoLines.add(String.format("%-10s %-14s %s  %s", d.role().zh(), d.username(), pw, d.displayName()));
            }
            if (!demoLines.isEmpty()) {
                Path file = dataFolder().resolve(DEMO_FILE);
                writeOwnerOnly(file, String.join("\n", demoLines) + "\n");
                lines.add("演示账号（首次登录须修改密码） / demo accounts (change the password at first sign-in):");
                demoLines.forEach(l -> lines.add("  " + l));
                lines.add("  (已写入 / also in " + file.toAbsolutePath() + ")");
            }
        }
        if (!lines.isEmpty()) {
            PrintStream out = System.out;
            out.println("==== Loumen 楼门 ==== 初始账号，仅显示一次 / initial accounts, shown once ====");
            lines.forEach(out::println);
            out.println("=================================================================");
            out.flush();
        }
    }

    /** The initial password file is useless and misleading once the administrator has chosen their own. */
    static void forgetInitialPassword(String username) {
        if (!ADMIN.equals(username)) {
            return;
        }
        try {
            if (Files.deleteIfExists(dataFolder().resolve(PASSWORD_FILE))) {
                LOG.info("{} removed: the administrator has set their own password", PASSWORD_FILE);
            }
        } catch (IOException e) {
            LOG.warn("Could not remove {}: {}", PASSWORD_FILE, e.getMessage());
        }
    }

    static Path dataFolder() {
        return Paths.get(System.getProperty("loumen.data", "."));
    }

    /** Adds lines to the demo accounts file, creating it owner-only if it is not there. */
    static Path appendDemoLines(List<String> demoLines) {
        Path file = dataFolder().resolve(DEMO_FILE);
        String content = String.join("\n", demoLines) + "\n";
        if (!Files.exists(file)) {
            writeOwnerOnly(file, content);
            return file;
        }
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            LOG.error("Could not write {}: {} (the password was printed on the console)", file, e.getMessage());
        }
        return file;
    }

    /** Creates the file readable by its owner only from the start, so there is no moment it is readable by others. */
    private static void writeOwnerOnly(Path file, String content) {
        try {
            Files.createDirectories(file.getParent() == null ? Paths.get(".") : file.getParent());
            Files.deleteIfExists(file);
            try {
                Files.createFile(file,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
                file.toFile().setReadable(false, false);
                file.toFile().setReadable(true, true);
                file.toFile().setWritable(false, false);
                file.toFile().setWritable(true, true);
            }
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException("could not replace " + file, e);
        } catch (IOException e) {
            LOG.error("Could not write {}: {} (the password was printed on the console)", file, e.getMessage());
        }
    }
}
