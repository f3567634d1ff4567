package org.loumen.launcher.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards what framework services write to the OSGi Log Service (Felix SCR, FileInstall, Config Admin...) to SLF4J,
 * so that it reaches the console and DATA/logs/loumen.log with everything else.
 */
@Component(immediate = true)
public final class LogBridge implements LogListener {

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addReader(LogReaderService reader) {
        reader.addLogListener(this);
    }

    void removeReader(LogReaderService reader) {
        reader.removeLogListener(this);
    }

    @Override
    public void logged(LogEntry entry) {
        String name = entry.getLoggerName() != null && !entry.getLoggerName().equals("LogService")
                ? entry.getLoggerName()
                : "osgi." + (entry.getBundle() == null ? "framework" : entry.getBundle().getSymbolicName());
        Logger log = LoggerFactory.getLogger(name);
        String message = entry.getMessage();
        Throwable t = entry.getException();
        switch (entry.getLogLevel()) {
            case AUDIT, ERROR -> log.error(message, t);
            case WARN -> log.warn(message, t);
            case INFO -> log.info(message, t);
            case DEBUG -> log.debug(message, t);
            default -> log.trace(message, t);
        }
    }
}
