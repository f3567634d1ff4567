package org.loumen.itest;

import org.junit.jupiter.api.BeforeEach;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;

/** Base of the tests that talk HTTP to the running platform: each test starts once health says UP. */
abstract class PlatformTest {

    @InjectBundleContext
    BundleContext context;

    Http http;

    @BeforeEach
    void connect() throws Exception {
        http = new Http(context);
        http.awaitUp();
    }
}
