/**
 * Testing a programme in the framework (项目的框架内测试工具): {@link org.loumen.testkit.ProgrammeTester} calls a
 * programme's routes over HTTP through the platform's real dispatcher, signed in as a user holding a chosen role at a
 * chosen node, so access rules, scopes, programme roles and per-street enablement are all tested as they run in
 * production. For in-framework tests only: it signs in as the district administrator of a test platform, whose first
 * password it reads from {@code ${loumen.data}/initial-admin-password} and changes. {@link org.loumen.testkit.DemoPlaces}
 * names the demo data's places, and {@link org.loumen.testkit.SmtpReceiver} is a local mail server, for any test.
 */
@Export
@Version("1.2.0")
package org.loumen.testkit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
