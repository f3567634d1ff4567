package org.loumen.core.workflow.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;


import org.loumen.web.PlatformStarted;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repairs onboarding-training writes a crash left half done between the model's store and the workflow's
 * ({@link TrainingService#repair}): once the platform has started (not on the start level's thread: only rows older
 * than the grace are touched, which no request of the new start can be writing), whenever its configuration changes,
 * and then every few minutes (so a row younger than the grace at start-up is repaired too).
 */
@Component(immediate = true, configurationPid = TrainingRepair.PID)
@Designate(ocd = TrainingRepair.Config.class)
public final class TrainingRepair {

    static final String PID = "org.loumen.training.repair";

    @ObjectClassDefinition(id = PID, name = "Loumen 培训报名修复 / training enrolment repair",
            description = "修复崩溃留下的未完成报名或退训 / repairs enrolments and withdrawals a crash left half done")
    public @interface Config {
        @AttributeDefinition(name = "宽限秒数 / grace (s)", description = "更早的未完成记录才修复（进行中的请求不受影响）"
                + " / only rows older than this are repaired, so writes under way are left alone")
        int graceSeconds() default 120;

        @AttributeDefinition(name = "检查间隔秒数 / every (s)")
        int everySeconds() default 300;
    }

    private static final Logger LOG = LoggerFactory.getLogger(TrainingRepair.class);

    private final TrainingService training;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "loumen-training-repair");
        t.setDaemon(true);
        return t;
    });
    private ScheduledFuture<?> task;
    private long grace;
    private boolean started;

    @Activate
    public TrainingRepair(@Reference TrainingService training, Config config) {
        this.training = training;
        modified(config);
    }

    @Modified
    synchronized void modified(Config config) {
        if (task != null) {
            task.cancel(false);
        }
        long g = Math.max(0, config.graceSeconds()) * 1000L;
        grace = g;
        long every = Math.max(10, config.everySeconds());
        // a change of the settings after start repairs at once; at start, started() does
        task = timer.scheduleWithFixedDelay(() -> runOnce(g), started ? 0 : every, every, TimeUnit.SECONDS);
    }

    /** Once the platform has started: the first repair of this start, on the timer's thread. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    synchronized void started(PlatformStarted platform) {
        if (!started) {
            started = true;
            long g = grace;
            timer.execute(() -> runOnce(g));
        }
    }

    void unstarted(PlatformStarted platform) {
        // nothing to undo
    }

    private void runOnce(long grace) {
        try {
            int n = training.repair(grace);
            if (n > 0) {
                LOG.warn("Repaired {} training enrolment row(s) left half done", n);
            }
        } catch (RuntimeException e) {
            LOG.error("Training repair failed; tried again later", e);
        }
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }
}
