package dev.ekslifecycle.local.clock;

import java.time.Duration;

/**
 * Work a component has under way, so that stopping it can let that work finish: {@link #close} refuses new work and
 * waits, for a bounded real time, for the work already running. A component that saves its pending work uses it so
 * that an attempt running when the local cloud stops records its outcome instead of being repeated at the next
 * start.
 */
public final class WorkGate {

    private int running;
    private boolean closed;

    /** Enters a piece of work; false once closed, when the work must not start. */
    public synchronized boolean enter() {
        if (closed) {
            return false;
        }
        running++;
        return true;
    }

    /** Leaves a piece of work that {@link #enter} let in. */
    public synchronized void exit() {
        running--;
        notifyAll();
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    /**
     * Refuses new work, then waits until the running work has finished or {@code limit} of real time has passed.
     *
     * @return true when nothing runs any more
     */
    public synchronized boolean close(Duration limit) {
        closed = true;
        long deadline = System.nanoTime() + limit.toNanos();
        while (running > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
