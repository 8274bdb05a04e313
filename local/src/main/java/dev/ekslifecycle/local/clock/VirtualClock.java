package dev.ekslifecycle.local.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Virtual time. Time moves only when {@link #advance} is called or, when auto-advancing, when no work is running
 * and a foreground timer is pending: then the clock jumps straight to that timer. Hours of Wait states and EKS
 * operations finish in milliseconds of real time.
 *
 * <p>Timers due at the same instant fire in the order they were scheduled. A timer fires on the clock's pool, so
 * it counts as busy while it runs and the clock waits for it before jumping again.
 */
public final class VirtualClock extends SimulationClock {

    private final Object lock = new Object();
    private final PriorityQueue<PendingTimer> timers = new PriorityQueue<>();
    private final AtomicLong sequence = new AtomicLong();
    private final Thread dispatcher;
    private volatile boolean autoAdvance;
    private volatile boolean running = true;
    private Instant now;
    private int pendingForeground;

    VirtualClock(Instant start, boolean autoAdvance) {
        super("virtual-clock");
        this.now = start;
        this.autoAdvance = autoAdvance;
        this.dispatcher = new Thread(this::dispatchLoop, "virtual-clock-dispatcher");
        this.dispatcher.setDaemon(true);
        this.dispatcher.start();
    }

    /** A virtual clock that moves only through {@link #advance}, for tests that look at intermediate states. */
    public static VirtualClock manual(Instant start) {
        return new VirtualClock(start, false);
    }

    /** Switches jumping to the next foreground timer when idle on or off. */
    public void setAutoAdvance(boolean on) {
        autoAdvance = on;
        wake();
    }

    @Override
    public Instant instant() {
        synchronized (lock) {
            return now;
        }
    }

    @Override
    public Timer schedule(Instant at, Runnable task) {
        return add(at, task, true);
    }

    @Override
    public Timer scheduleBackground(Instant at, Runnable task) {
        return add(at, task, false);
    }

    /**
     * Moves time forward by {@code duration}, firing every timer due on the way in order, each at its own
     * instant. Time moves only when no work is running, so work started before the call (a timer already due that
     * the dispatcher is firing) and work a timer starts both see their own instant, and timers that work schedules
     * inside the window fire too. Call it from a test thread, never from work running on this clock.
     */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time cannot go backwards: " + duration);
        }
        Instant target;
        synchronized (lock) {
            target = now.plus(duration);
        }
        while (true) {
            awaitNotBusy();
            PendingTimer due;
            Busy firing;
            synchronized (lock) {
                if (isBusy() && !Thread.currentThread().isInterrupted()) {
                    // the dispatcher took a due timer (it enters busy under this lock) after the wait above; an
                    // interrupted caller goes on as before instead of spinning here
                    continue;
                }
                PendingTimer head = timers.peek();
                if (head == null || head.at.isAfter(target)) {
                    if (now.isBefore(target)) {
                        now = target;
                    }
                    lock.notifyAll();
                    return;
                }
                firing = enterBusy();
                due = take();
            }
            fire(due, firing);
        }
    }

    private void awaitNotBusy() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (isBusy()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("work on the clock is still running after 30 s of real time");
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public boolean skipTo(Instant at) {
        if (!autoAdvance || !onlyCallerBusy()) {
            return false;
        }
        synchronized (lock) {
            PendingTimer head = timers.peek();
            if (head != null && !head.at.isAfter(at)) {
                return false;
            }
            if (at.isAfter(now)) {
                now = at;
            }
            return true;
        }
    }

    @Override
    protected boolean hasPendingForeground() {
        synchronized (lock) {
            return pendingForeground > 0;
        }
    }

    @Override
    protected void onIdle() {
        synchronized (lock) {
            // only a pending foreground timer gives the dispatcher something to do when work stops; waking it for
            // nothing costs a thread switch each time a short piece of work (one whole execution) ends
            if (pendingForeground > 0) {
                lock.notifyAll();
            }
        }
    }

    @Override
    public void shutdown() {
        running = false;
        wake();
        super.shutdown();
    }

    private Timer add(Instant at, Runnable task, boolean foreground) {
        PendingTimer timer = new PendingTimer(at, sequence.incrementAndGet(), task, foreground);
        synchronized (lock) {
            timers.add(timer);
            if (foreground) {
                pendingForeground++;
            }
            lock.notifyAll();
        }
        return timer;
    }

    private void wake() {
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    /** Removes the head timer; the caller holds the lock. */
    private PendingTimer take() {
        PendingTimer head = timers.poll();
        if (head.foreground) {
            pendingForeground--;
        }
        if (head.at.isAfter(now)) {
            now = head.at;
        }
        return head;
    }

    /**
     * Runs a timer taken off the queue. {@code firing} was entered before the timer stopped counting as pending, so
     * that between the two nobody sees the clock idle with the timer's work not started yet.
     */
    private void fire(PendingTimer timer, Busy firing) {
        try {
            if (timer.claim()) {
                execute(timer.task);
            }
        } finally {
            firing.close();
        }
        signalIdleWaiters();
    }

    private void dispatchLoop() {
        while (running) {
            PendingTimer due = null;
            Busy firing = null;
            synchronized (lock) {
                PendingTimer head = timers.peek();
                if (head != null && head.cancelled) {
                    take();
                    continue;
                }
                if (head != null && !head.at.isAfter(now)) {
                    firing = enterBusy();
                    due = take();
                } else if (head != null && autoAdvance && pendingForeground > 0 && !isBusy()) {
                    firing = enterBusy();
                    due = take();
                } else {
                    try {
                        lock.wait(50);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
            if (due != null) {
                fire(due, firing);
            }
        }
    }

    private final class PendingTimer implements Comparable<PendingTimer>, Timer {
        final Instant at;
        final long order;
        final Runnable task;
        final boolean foreground;
        volatile boolean cancelled;
        private boolean claimed;

        PendingTimer(Instant at, long order, Runnable task, boolean foreground) {
            this.at = at;
            this.order = order;
            this.task = task;
            this.foreground = foreground;
        }

        synchronized boolean claim() {
            if (cancelled || claimed) {
                return false;
            }
            claimed = true;
            return true;
        }

        @Override
        public boolean cancel() {
            synchronized (this) {
                if (cancelled || claimed) {
                    return false;
                }
                cancelled = true;
            }
            synchronized (lock) {
                if (timers.remove(this) && foreground) {
                    pendingForeground--;
                }
                lock.notifyAll();
            }
            signalIdleWaiters();
            return true;
        }

        @Override
        public int compareTo(PendingTimer other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }
    }
}
