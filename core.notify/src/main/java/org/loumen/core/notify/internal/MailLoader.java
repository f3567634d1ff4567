package org.loumen.core.notify.internal;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import org.eclipse.angus.activation.MailcapRegistryProviderImpl;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Jakarta Mail and Jakarta Activation find their providers (the SMTP transport, the stream provider, the mailcap
 * registry) with {@link java.util.ServiceLoader} and {@code META-INF/javamail.*} resources through the thread's
 * context class loader, which in OSGi sees none of them. This loader sees exactly the Angus Mail and Angus Activation
 * bundles (their classes and their {@code META-INF} resources); {@link #call} sets it as the context class loader for
 * the time of one piece of mail work and restores the one before. No SPI Fly weaving is needed.
 */
final class MailLoader extends ClassLoader {

    static final MailLoader INSTANCE = new MailLoader();

    private final List<ClassLoader> bundles = List.of(SMTPTransport.class.getClassLoader(),
            MailcapRegistryProviderImpl.class.getClassLoader());

    private MailLoader() {
        super(null); // the platform classes first (java.*, javax.net.ssl …), then the two bundles
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        for (ClassLoader l : bundles) {
            try {
                return l.loadClass(name);
            } catch (ClassNotFoundException e) {
                // the next one
            }
        }
        throw new ClassNotFoundException(name);
    }

    @Override
    protected URL findResource(String name) {
        for (ClassLoader l : bundles) {
            URL u = l.getResource(name);
            if (u != null) {
                return u;
            }
        }
        return null;
    }

    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
        List<URL> all = new ArrayList<>();
        for (ClassLoader l : bundles.stream().distinct().toList()) {
            all.addAll(Collections.list(l.getResources(name)));
        }
        return Collections.enumeration(all);
    }

    /** Mail work that may fail. */
    interface Work<T, E extends Exception> {
        T get() throws E;
    }

    /** Runs {@code work} with this loader as the thread's context class loader. */
    static <T, E extends Exception> T call(Work<T, E> work) throws E {
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        t.setContextClassLoader(INSTANCE);
        try {
            return work.get();
        } finally {
            t.setContextClassLoader(before);
        }
    }
}
