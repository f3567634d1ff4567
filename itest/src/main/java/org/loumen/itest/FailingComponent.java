package org.loumen.itest;

import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * A component that exists only while the test configures it, and then fails to activate: what a broken programme
 * looks like to health.
 */
@Component(configurationPid = FailingComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true, service = {})
public class FailingComponent {

    static final String PID = "org.loumen.itest.failing";

    @Activate
    public FailingComponent(Map<String, Object> config) {
        throw new IllegalStateException("deliberately broken: " + config.get("reason"));
    }
}
