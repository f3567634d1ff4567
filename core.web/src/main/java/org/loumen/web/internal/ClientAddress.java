package org.loumen.web.internal;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The client's address (客户端地址) as the audit log and the per-client throttles must see it. A request that comes
 * straight from the client carries it as the connection's peer. Behind reverse proxies (nginx in front of several
 * nodes) the peer is a proxy: only when the peer is one of the configured trusted proxies is {@code X-Forwarded-For}
 * read, from the right, skipping trusted proxies; the first other address is the client. A client cannot forge its
 * address by sending the header itself to a node, since its own address is not a trusted proxy.
 */
final class ClientAddress {

    private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    /** The request attribute the dispatcher sets to the client's address once per request. */
    static final String ATTRIBUTE = "org.loumen.web.client";

    private ClientAddress() {
    }

    /** The address the dispatcher settled for this request, or the connection's peer when it has not. */
    static String of(jakarta.servlet.http.HttpServletRequest req) {
        return req.getAttribute(ATTRIBUTE) instanceof String client ? client : req.getRemoteAddr();
    }

    static String of(String peer, String forwardedFor, Set<String> trustedProxies) {
        if (trustedProxies.isEmpty() || !trustedProxies.contains(peer) || forwardedFor == null) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (hop.isEmpty() || trustedProxies.contains(hop)) {
                continue;
            }
            return ADDRESS.matcher(hop).matches() ? hop : peer;
        }
        return peer;
    }
}
