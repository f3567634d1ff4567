/** The programme platform's implementation: registry, enablement, routes and shell commands. Not exported. */
package org.loumen.core.programme.internal;
