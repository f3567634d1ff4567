/**
 * Who is calling and what they may act on (身份与权限): roles bound to places in the organisation tree, the caller of
 * a request, and the two services the core's security bundle provides to the API dispatcher: authentication of
 * bearer tokens and the append-only audit trail (审计日志).
 *
 * <p>Places in the tree are named by their codes, which are hierarchical by prefix: district {@code 120112}, street
 * {@code 120112103}, community {@code 120112103001}; anything below a community gets a code that begins with the
 * community's. A binding on a node therefore covers exactly the codes that begin with the node's code.
 */
@Export
@Version("1.4.0")
package org.loumen.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
