package dev.ekslifecycle.local.cli;

import java.util.concurrent.CountDownLatch;

/**
 * How a serving command waits: its thread blocks until the JVM shuts down (SIGTERM, Ctrl-C), and the command's own
 * stop runs in the shutdown hook, so the process ends only once everything it started is closed.
 */
final class UntilShutdown {

    private UntilShutdown() {
    }

    /** Blocks until shutdown; {@code stop} runs in a shutdown hook thread named {@code hookName}. */
    static void await(String hookName, Runnable stop) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.run();
            stopped.countDown();
        }, hookName));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
