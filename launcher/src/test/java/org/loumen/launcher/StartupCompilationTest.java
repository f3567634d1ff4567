package org.loumen.launcher;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;

import javax.management.ObjectName;

import org.junit.jupiter.api.Test;

class StartupCompilationTest {

    /** The running JVM takes the directive: it then lists C2 as excluded for every start-only pattern. */
    @Test
    void theJvmTakesTheDirectiveForEveryStartOnlyPattern() throws Exception {
        assertTrue(StartupCompilation.apply(), StartupCompilation.directive());

        String printed = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesPrint",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        for (String pattern : StartupCompilation.START_ONLY) {
            assertTrue(printed.contains(pattern), pattern + " in " + printed);
        }
        // C1 stays on for them (a hot deploy still runs them compiled), C2 is off
        String ours = printed.substring(printed.indexOf(StartupCompilation.START_ONLY.get(0)));
        assertTrue(ours.contains("c1 directives:") && ours.indexOf("Exclude:true") > ours.indexOf("c2 directives:"),
                ours);
        assertTrue(ours.substring(0, ours.indexOf("c2 directives:")).contains("Exclude:false"), ours);
    }
}
