package dev.ekslifecycle.local.faults;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The one fault-injection control shared by the local DynamoDB and every emulator. Each endpoint asks it through a
 * {@link FaultGate} once per call, before serving it. Decisions come from one seeded random source, so a test that
 * fails with a given seed replays exactly with it (calls arriving in the same order).
 */
public final class FaultInjector {

    private final List<Entry> rules = new ArrayList<>();
    private final LatencyWait latencyWait;
    private Random random;
    private long seed;
    private long nextId = 1;

    /** An injector whose latency is waited in real time. */
    public FaultInjector(long seed) {
        this(seed, LatencyWait.REAL_TIME);
    }

    /** An injector whose latency {@link FaultGate} waits with {@code latencyWait}, for tests that do not sleep. */
    public FaultInjector(long seed, LatencyWait latencyWait) {
        this.latencyWait = latencyWait;
        reseed(seed);
    }

    LatencyWait latencyWait() {
        return latencyWait;
    }

    /** Adds a rule; rules are consulted in the order they were added. Returns its id. */
    public synchronized String add(FaultRule rule) {
        String id = "fault-" + nextId++;
        rules.add(new Entry(id, rule, rule.remaining()));
        return id;
    }

    /** Removes one rule; false when there is none with that id. */
    public synchronized boolean remove(String id) {
        return rules.removeIf(e -> e.id.equals(id));
    }

    /** Removes every rule. */
    public synchronized void clear() {
        rules.clear();
    }

    /** Restarts the random source, so the next decisions replay those that followed an earlier reseed. */
    public synchronized void reseed(long newSeed) {
        this.seed = newSeed;
        this.random = new Random(newSeed);
    }

    public synchronized long seed() {
        return seed;
    }

    /** The rules in force, with their ids and remaining counts. */
    public synchronized List<ActiveRule> rules() {
        List<ActiveRule> out = new ArrayList<>();
        for (Entry e : rules) {
            out.add(new ActiveRule(e.id, e.rule, e.remaining));
        }
        return out;
    }

    /**
     * Decides the fate of one call. Latency of every matching latency-only rule adds up; the first matching error
     * rule that fires decides the error. A rule with a count is used up by the calls it fires on.
     */
    public synchronized Optional<InjectedFault> onCall(String service, String operation, String resource) {
        if (rules.isEmpty()) {
            return Optional.empty();
        }
        java.time.Duration latency = java.time.Duration.ZERO;
        for (Iterator<Entry> it = rules.iterator(); it.hasNext(); ) {
            Entry e = it.next();
            if (!e.rule.matches(service, operation, resource)) {
                continue;
            }
            if (e.rule.probability() < 1.0 && random.nextDouble() >= e.rule.probability()) {
                continue;
            }
            latency = latency.plus(e.rule.latency());
            if (e.remaining > 0 && --e.remaining == 0) {
                it.remove();
            }
            if (e.rule.errorCode() != null) {
                return Optional.of(new InjectedFault(
                        e.rule.errorCode(), e.rule.httpStatus(), e.rule.message(), latency));
            }
        }
        return latency.isZero() ? Optional.empty() : Optional.of(new InjectedFault(null, 0, null, latency));
    }

    /** A rule as it stands now. */
    public record ActiveRule(String id, FaultRule rule, int remaining) {
    }

    private static final class Entry {
        final String id;
        final FaultRule rule;
        int remaining;

        Entry(String id, FaultRule rule, int remaining) {
            this.id = id;
            this.rule = rule;
            this.remaining = remaining;
        }
    }
}
