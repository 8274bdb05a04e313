package dev.ekslifecycle.local.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real time sped up by a constant factor: at {@code scaled:60} a 12-minute cluster creation takes 12 seconds.
 * A factor of 1 is the real clock.
 */
final class ScaledClock extends SimulationClock {

    private final double factor;
    private final long startNanos = System.nanoTime();
    private final Instant start;
    private final ScheduledExecutorService timers;
    private final AtomicInteger pendingForeground = new AtomicInteger();

    /** A clock whose time is {@code start} now and moves on {@code factor} times faster than real time. */
    ScaledClock(double factor, Instant start) {
        super(factor == 1.0 ? "real-clock" : "scaled-clock");
        this.factor = factor;
        this.start = start;
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "clock-timers");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public Instant instant() {
        long simulatedNanos = (long) ((System.nanoTime() - startNanos) * factor);
        return start.plusNanos(simulatedNanos);
    }

    @Override
    public Timer schedule(Instant at, Runnable task) {
        pendingForeground.incrementAndGet();
        return add(at, task, true);
    }

    @Override
    public Timer scheduleBackground(Instant at, Runnable task) {
        return add(at, task, false);
    }

    @Override
    protected boolean hasPendingForeground() {
        return pendingForeground.get() > 0;
    }

    @Override
    public void shutdown() {
        timers.shutdownNow();
        super.shutdown();
    }

    private Timer add(Instant at, Runnable task, boolean foreground) {
        long simulatedDelay = Math.max(0, Duration.between(instant(), at).toNanos());
        long realDelay = (long) (simulatedDelay / factor);
        Runnable once = new Runnable() {
            private boolean done;

            @Override
            public synchronized void run() {
                if (done) {
                    return;
                }
                done = true;
                // busy before no longer pending, so awaitQuiescence never sees a gap in between
                execute(task);
                if (foreground) {
                    pendingForeground.decrementAndGet();
                }
            }
        };
        ScheduledFuture<?> future = timers.schedule(once, realDelay, TimeUnit.NANOSECONDS);
        return () -> {
            boolean cancelled = future.cancel(false);
            if (cancelled && foreground) {
                pendingForeground.decrementAndGet();
                signalIdleWaiters();
            }
            return cancelled;
        };
    }
}
