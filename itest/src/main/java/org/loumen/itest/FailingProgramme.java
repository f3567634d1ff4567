package org.loumen.itest;

import java.util.Map;

import org.loumen.programme.Programme;
import org.loumen.programme.ProgrammeDefinition;
import org.loumen.programme.ProgrammeRoutes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/** A programme whose component fails to activate, present only while a test configures it. */
@Component(configurationPid = FailingProgramme.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@ProgrammeDefinition(id = "itest-broken", nameZh = "坏掉的项目", nameEn = "Broken programme")
public class FailingProgramme implements Programme {

    static final String PID = "org.loumen.itest.broken.programme";

    @Activate
    public FailingProgramme(Map<String, Object> config) {
        throw new IllegalStateException("programme deliberately broken: " + config.get("reason"));
    }

    @Override
    public void routes(ProgrammeRoutes routes) {
        routes.get("/never", r -> "never");
    }
}
