package org.loumen.launcher;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Keeps the optimising compiler (C2) off code that only runs while the platform starts or deploys a bundle, so that
 * its thread does not compete with the start for the processor (issue 17: UP ≤ 3.0 s on two cores).
 *
 * <p>Profiled (JFR compilation events of a warm {@code --demo} start): C2 spent 3.7 s of CPU before UP, 1.7 s of it on
 * Felix's resolver and manifest parsing, the JDK's internal ASM (lambda and method-handle classes spun at start) and
 * EclipseLink's metadata processing and weaving — code that is done with once the bundles are resolved and the
 * persistence units deployed, usually before its C2 code is even installed (the resolver's {@code mergeUses} alone:
 * 0.5 s). C1 still compiles these methods (without profiling, once they are hot), so a later hot deploy runs them
 * compiled; request-time code is not named here and keeps C2.
 *
 * <p>A compiler directive is the one JIT setting a running JVM accepts ({@code Compiler.directives_add}, the
 * diagnostic command behind {@code jcmd}); thresholds and compiler counts can only be given on the command line,
 * which a plain {@code java -jar loumen.jar} does not carry. The directive is added before bnd's launcher creates the
 * framework. Where the command is missing (another JVM) nothing changes.
 */
final class StartupCompilation {

    /** Classes whose methods run at start and deploy only (patterns of HotSpot's compiler directives). */
    static final List<String> START_ONLY = List.of(
            "org/apache/felix/resolver/*.*",
            "org/apache/felix/framework/util/manifestparser/*.*",
            "org/apache/felix/framework/cache/*.*",
            "org/apache/felix/framework/StatefulResolver.*",
            "org/apache/felix/framework/ResolveContextImpl.*",
            "org/apache/felix/framework/wiring/*.*",
            "jdk/internal/org/objectweb/asm/*.*",
            "org/eclipse/persistence/internal/libraries/asm/*.*",
            "org/eclipse/persistence/internal/jpa/metadata/*.*",
            "org/eclipse/persistence/internal/jpa/weaving/*.*");

    private static final String DIAGNOSTIC_COMMAND = "com.sun.management:type=DiagnosticCommand";

    private StartupCompilation() {
    }

    /** The directive: C2 excluded for the start-only classes. */
    static String directive() {
        StringBuilder match = new StringBuilder();
        for (String pattern : START_ONLY) {
            match.append(match.length() == 0 ? "" : ", ").append('"').append(pattern).append('"');
        }
        return "[{ match: [" + match + "], c2: { Exclude: true } }]";
    }

    /** Adds the directive to this JVM; true when it was accepted. */
    static boolean apply() {
        Path file = null;
        try {
            file = Files.createTempFile("loumen-jit-", ".json");
            Files.writeString(file, directive(), StandardCharsets.UTF_8);
            Object answer = ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName(DIAGNOSTIC_COMMAND),
                    "compilerDirectivesAdd", new Object[] {new String[] {file.toString()}},
                    new String[] {String[].class.getName()});
            // the command answers with how many directives it added, or with the parser's complaint
            return answer instanceof String text && text.contains("1 compiler directives added");
        } catch (IOException | JMException | RuntimeException | LinkageError e) {
            return false;
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // a temporary file of a few hundred bytes: the system's clean-up takes it
                }
            }
        }
    }
}
