package dev.ekslifecycle.store.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Runs contenders at the same moment (all wait at one gate) and collects what each returned or threw. */
final class Race {

    static final int CONTENDERS = 8;
    static final int ROUNDS = 12;

    private Race() {
    }

    /** Outcome of one contender: its result, or the exception it threw. */
    record Outcome<T>(T result, Throwable failure) {
        boolean won() {
            return failure == null;
        }
    }

    static <T> List<Outcome<T>> run(int contenders, IntFunction<Callable<T>> contender) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        try {
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < contenders; i++) {
                Callable<T> task = contender.apply(i);
                futures.add(pool.submit(() -> {
                    gate.await();
                    return task.call();
                }));
            }
            gate.countDown();
            List<Outcome<T>> outcomes = new ArrayList<>();
            for (Future<T> f : futures) {
                try {
                    outcomes.add(new Outcome<>(f.get(), null));
                } catch (ExecutionException e) {
                    outcomes.add(new Outcome<>(null, e.getCause()));
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
