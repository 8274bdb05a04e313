package dev.ekslifecycle.local.clock;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one clock every part of the local cloud shares: the DynamoDB TTL sweep, the Step Functions executor's waits
 * and retries, the emulators' simulated durations and EventBridge schedules.
 *
 * <p>Besides telling the time it runs work: {@link #execute} runs a task now on a shared pool and
 * {@link #schedule} runs one at an instant of this clock's time. Work started through the clock is counted as
 * busy; {@link VirtualClock} uses that count to jump time forward only when nothing is running, which is what lets
 * a 15-minute EKS operation finish in milliseconds in a test.
 *
 * <p>Timers come in two kinds. A foreground timer (a Wait state, a cluster that becomes ACTIVE) is something a
 * caller is waiting for, so a virtual clock jumps to it. A background timer (a TTL sweep, a {@code rate(5 minutes)}
 * schedule) recurs for ever; it fires when time passes it but never pulls a virtual clock forward on its own,
 * otherwise an idle local cloud would spin through years of schedules.
 */
public abstract class SimulationClock extends Clock {

    private final ExecutorService workers;
    private final AtomicInteger busy = new AtomicInteger();
    private final Object idleMonitor = new Object();
    /**
     * What the current thread holds: [0] busy sections, so {@link #awaitOutsideBusy} can step out of them; [1] pool
     * tasks it is running, so {@link #onlyCallerBusy} can tell the caller's work from other threads'.
     */
    private final ThreadLocal<int[]> heldByThread = ThreadLocal.withInitial(() -> new int[2]);
    private volatile Runnable whenShutdown = () -> { };

    protected SimulationClock(String name) {
        AtomicInteger threadNumber = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, name + "-worker-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** A real-time clock: one simulated second per second. */
    public static SimulationClock real() {
        return new ScaledClock(1.0, Instant.now());
    }

    /** A clock running {@code factor} times faster than real time, for demos. */
    public static SimulationClock scaled(double factor) {
        return new ScaledClock(factor, Instant.now());
    }

    /** A virtual clock that jumps to the next foreground timer whenever no work is running. */
    public static VirtualClock virtual(Instant start) {
        return new VirtualClock(start, true);
    }

    /**
     * Parses the command-line form: {@code real}, {@code scaled:N} or {@code virtual}.
     *
     * @throws IllegalArgumentException naming the accepted forms
     */
    public static SimulationClock parse(String spec) {
        return parse(spec, Optional.empty());
    }

    /**
     * Parses the command-line form for a local cloud that keeps its state in {@code dataDir}: there a scaled or
     * virtual clock resumes at the time the previous run on that directory had reached, when that is later than
     * now, and keeps saving its time (see {@link SavedClockTime}), so that time never goes back across a restart.
     * The real clock is the wall clock and needs no file.
     *
     * @throws IllegalArgumentException naming the accepted forms
     * @throws java.io.UncheckedIOException naming the file when the saved time cannot be read
     */
    public static SimulationClock parse(String spec, Optional<Path> dataDir) {
        if (spec.equals("real")) {
            return real();
        }
        boolean virtual = spec.equals("virtual");
        double factor = virtual ? 0 : scaleFactor(spec);
        Optional<SavedClockTime> saved = dataDir.map(SavedClockTime::in);
        Instant now = Instant.now();
        Instant start = saved.flatMap(SavedClockTime::load).filter(now::isBefore).orElse(now);
        SimulationClock clock = virtual ? virtual(start) : new ScaledClock(factor, start);
        saved.ifPresent(file -> file.keep(clock));
        return clock;
    }

    private static double scaleFactor(String spec) {
        if (spec.startsWith("scaled:")) {
            try {
                double factor = Double.parseDouble(spec.substring("scaled:".length()));
                if (factor > 0 && Double.isFinite(factor)) {
                    return factor;
                }
            } catch (NumberFormatException ignored) {
                // falls through to the error below, which names the accepted forms
            }
        }
        throw new IllegalArgumentException("clock must be real, scaled:N (N > 0) or virtual, not '" + spec + "'");
    }

    /** Runs {@code task} now on the shared pool; it counts as busy until it returns. */
    public final void execute(Runnable task) {
        busy.incrementAndGet();
        try {
            workers.execute(() -> {
                int[] held = heldByThread.get();
                held[1]++;
                try {
                    task.run();
                } finally {
                    held[1]--;
                    release();
                }
            });
        } catch (RuntimeException e) {
            release();
            throw e;
        }
    }

    /** Runs {@code task} at {@code at} of this clock; a virtual clock jumps to it when idle. */
    public abstract Timer schedule(Instant at, Runnable task);

    /** Runs {@code task} at {@code at} of this clock without ever pulling a virtual clock forward. */
    public abstract Timer scheduleBackground(Instant at, Runnable task);

    /** Shorthand for {@link #schedule(Instant, Runnable)} after {@code delay}. */
    public final Timer scheduleAfter(Duration delay, Runnable task) {
        return schedule(instant().plus(delay), task);
    }

    /**
     * Marks the caller's current work as busy until the returned handle is closed, for work that does not run
     * on the clock's pool (an HTTP request being served), so virtual time stands still while it runs.
     */
    public final Busy enterBusy() {
        busy.incrementAndGet();
        heldByThread.get()[0]++;
        return new Busy(this);
    }

    /** Runs {@code work} on the calling thread, counted as busy. */
    public final <T> T whileBusy(Callable<T> work) throws Exception {
        try (Busy ignored = enterBusy()) {
            return work.call();
        }
    }

    /**
     * Runs {@code blockingWait} outside the busy sections the calling thread holds: for a caller serving an HTTP
     * request that blocks until work on this clock finishes (StartSyncExecution), so that a virtual clock can move
     * meanwhile. The sections are held again when this returns.
     */
    public final void awaitOutsideBusy(Runnable blockingWait) {
        int[] held = heldByThread.get();
        int count = held[0];
        held[0] = 0;
        for (int i = 0; i < count; i++) {
            release();
        }
        try {
            blockingWait.run();
        } finally {
            busy.addAndGet(count);
            held[0] = count;
        }
    }

    /**
     * For work about to wait for a foreground timer at {@code at} with nothing else to do meanwhile: when this
     * clock would jump straight to {@code at} as soon as that work went idle (a virtual clock, auto-advancing, no
     * other work running, no timer due by then), moves time to {@code at} now and returns true, so the work goes
     * on at once on the calling thread instead of handing over to a timer thread and back. Otherwise returns false
     * and the caller schedules its timer. The caller must be work of this clock (a pool task or a busy section).
     */
    public boolean skipTo(Instant at) {
        return false;
    }

    /** True when the calling thread holds busy work and all the busy work there is. */
    protected final boolean onlyCallerBusy() {
        int[] held = heldByThread.get();
        int mine = held[0] + held[1];
        return mine > 0 && busy.get() == mine;
    }

    /** True while any task started through this clock, or any {@link #enterBusy} section, is running. */
    public final boolean isBusy() {
        return busy.get() > 0;
    }

    /**
     * Waits in real time until no work is running and no foreground timer is pending.
     *
     * @throws TimeoutException if that does not happen within {@code realTimeout}
     */
    public void awaitQuiescence(Duration realTimeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + realTimeout.toNanos();
        synchronized (idleMonitor) {
            // Pending timers first: a timer turns into busy work before it stops being pending, so reading in this
            // order never sees both as false while work is handed over.
            while (hasPendingForeground() || isBusy()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TimeoutException("the local cloud did not become idle within " + realTimeout);
                }
                idleMonitor.wait(Math.max(1, Math.min(10, left / 1_000_000)));
            }
        }
    }

    /** True when a foreground timer has not fired yet. */
    protected abstract boolean hasPendingForeground();

    /** Called whenever the busy count drops to zero; a virtual clock may advance now. */
    protected void onIdle() {
    }

    final void release() {
        if (busy.decrementAndGet() == 0) {
            onIdle();
            synchronized (idleMonitor) {
                idleMonitor.notifyAll();
            }
        }
    }

    /** Notifies threads in {@link #awaitQuiescence}; subclasses call it when timers change. */
    protected final void signalIdleWaiters() {
        synchronized (idleMonitor) {
            idleMonitor.notifyAll();
        }
    }

    /** Stops the pool and all timers; tasks already running finish on their own. */
    public void shutdown() {
        workers.shutdownNow();
        whenShutdown.run();
    }

    /** Sets what {@link #shutdown} does last: the final save of a {@link SavedClockTime}. */
    final void whenShutdown(Runnable task) {
        whenShutdown = task;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (ZoneOffset.UTC.equals(zone)) {
            return this;
        }
        throw new UnsupportedOperationException("the simulation clock runs in UTC only");
    }

    /** A scheduled task that can be cancelled before it fires. */
    public interface Timer {
        /** Cancels the task; returns false if it already fired or was cancelled. */
        boolean cancel();
    }

    /** A busy section, see {@link #enterBusy()}. */
    public static final class Busy implements AutoCloseable {
        private final SimulationClock clock;
        private boolean closed;

        private Busy(SimulationClock clock) {
            this.clock = clock;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                clock.heldByThread.get()[0]--;
                clock.release();
            }
        }
    }
}
