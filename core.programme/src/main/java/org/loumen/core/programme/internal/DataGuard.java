package org.loumen.core.programme.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.hooks.resolver.ResolverHook;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * No data is lost: a bundle whose persistence unit would drop tables (EclipseLink {@code drop-and-create-tables} or
 * {@code drop-tables}, JPA schema generation {@code drop} or {@code drop-and-create}) is never resolved, so it never
 * starts and its unit never runs. Programmes may only create tables and add columns. The decision is made before
 * resolving, i.e. before any of the bundle's code or DDL can run.
 */
@Component(service = DataGuard.class, immediate = true)
public final class DataGuard implements ResolverHookFactory {

    private final ServiceRegistration<ResolverHookFactory> hook;

    /**
     * Registers itself as the framework hook directly, not through DS: the framework asks for hook factories around
     * every resolve, and a DS-managed service could answer null while its component is being re-activated, which
     * would let a resolve through unguarded.
     */
    @Activate
    public DataGuard(BundleContext context) {
        hook = context.registerService(ResolverHookFactory.class, this, null);
    }

    @Deactivate
    void deactivate() {
        hook.unregister();
    }

    private static final Logger LOG = LoggerFactory.getLogger(DataGuard.class);

    private static final Pattern DROPPING = Pattern.compile("name\\s*=\\s*\"(eclipselink\\.ddl-generation"
            + "|javax\\.persistence\\.schema-generation\\.database\\.action)\"\\s+value\\s*=\\s*\""
            + "(drop-and-create-tables|drop-tables|drop-and-create|drop)\"");

    /** Refusal reasons by bundle id and last modification, so a bundle is read once per version. */
    private final Map<String, Optional<String>> verdicts = new ConcurrentHashMap<>();

    @Override
    public ResolverHook begin(Collection<BundleRevision> triggers) {
        return new ResolverHook() {
            @Override
            public void filterResolvable(Collection<BundleRevision> candidates) {
                // a hook that throws is dropped by the framework for good: never let anything out
                try {
                    candidates.removeIf(r -> refusal(r.getBundle()).isPresent());
                } catch (RuntimeException e) {
                    LOG.error("Data guard could not judge {}", candidates, e);
                }
            }

            @Override
            public void filterSingletonCollisions(BundleCapability singleton,
                    Collection<BundleCapability> collisionCandidates) {
                // not ours to decide
            }

            @Override
            public void filterMatches(BundleRequirement requirement, Collection<BundleCapability> candidates) {
                // not ours to decide
            }

            @Override
            public void end() {
                // nothing held
            }
        };
    }

    /** Why the bundle may not run, if it may not. */
    Optional<String> refusal(Bundle bundle) {
        if (bundle == null || bundle.getBundleId() == 0) {
            return Optional.empty();
        }
        if (verdicts.size() > 1_000) {
            verdicts.clear(); // a verdict is cheap to make again; redeploys must not grow this without bound
        }
        // not computeIfAbsent: reading a bundle's entries may itself ask the resolver, and so this hook, again
        String key = bundle.getBundleId() + "@" + bundle.getLastModified();
        Optional<String> verdict = verdicts.get(key);
        if (verdict == null) {
            verdict = judge(bundle);
            verdicts.put(key, verdict);
        }
        return verdict;
    }

    private static Optional<String> judge(Bundle bundle) {
        String header = bundle.getHeaders("").get("Meta-Persistence");
        if (header == null) {
            return Optional.empty();
        }
        StringBuilder paths = new StringBuilder("META-INF/persistence.xml");
        for (String p : header.split(",")) {
            if (!p.isBlank()) {
                paths.append(',').append(p.strip());
            }
        }
        for (String path : paths.toString().split(",")) {
            try {
                Optional<byte[]> xml = BundleEntries.read(bundle, path);
                if (xml.isEmpty()) {
                    continue;
                }
                Matcher m = DROPPING.matcher(new String(xml.get(), StandardCharsets.UTF_8));
                if (m.find()) {
                    String reason = "拒绝运行：其持久化单元会删除数据表 / refused: its persistence unit would drop tables ("
                            + m.group(1) + "=" + m.group(2) + " in " + path + "); only create-or-extend-tables is allowed";
                    LOG.error("Bundle {} {} {}", bundle.getSymbolicName(), bundle.getVersion(), reason);
                    return Optional.of(reason);
                }
            } catch (IOException e) {
                LOG.warn("Cannot read {} of {}", path, bundle.getSymbolicName());
            }
        }
        return Optional.empty();
    }
}
