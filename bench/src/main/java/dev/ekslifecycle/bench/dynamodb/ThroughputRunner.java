package dev.ekslifecycle.bench.dynamodb;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one operation from several threads for a while and reports completed operations per second, the calls that
 * failed, and this JVM's CPU time per completed operation (for the local DynamoDB that is client plus server: a
 * figure that does not depend on how busy the rest of the machine is).
 */
final class ThroughputRunner {

    /** One call of the measured operation; {@code thread} and {@code sequence} make keys unique. */
    interface Operation {
        void run(int thread, long sequence) throws Exception;
    }

    record Measurement(double opsPerSecond, long errors, double cpuMicrosPerOp) {
    }

    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final int threads;
    private final Duration warmup;
    private final Duration measure;

    ThroughputRunner(int threads, Duration warmup, Duration measure) {
        this.threads = threads;
        this.warmup = warmup;
        this.measure = measure;
    }

    Measurement measure(Operation op) throws Exception {
        AtomicLong errors = new AtomicLong();
        run(op, warmup, 0, errors);
        errors.set(0);
        long cpuBefore = OS.getProcessCpuTime();
        long done = run(op, measure, 1_000_000_000L, errors);
        long cpu = OS.getProcessCpuTime() - cpuBefore;
        return new Measurement(done / (measure.toNanos() / 1e9), errors.get(), done == 0 ? 0 : cpu / 1e3 / done);
    }

    /** Runs for {@code length}; returns how many calls succeeded. Sequences start at {@code firstSequence}. */
    private long run(Operation op, Duration length, long firstSequence, AtomicLong errors) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<Long>> counts = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                counts.add(pool.submit(() -> {
                    long done = 0;
                    for (long sequence = firstSequence; !stop.get(); sequence++) {
                        try {
                            op.run(thread, sequence);
                            done++;
                        } catch (RuntimeException failed) {
                            errors.incrementAndGet();
                        }
                    }
                    return done;
                }));
            }
            Thread.sleep(length.toMillis());
            stop.set(true);
            long total = 0;
            for (Future<Long> f : counts) {
                total += f.get();
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }
}
