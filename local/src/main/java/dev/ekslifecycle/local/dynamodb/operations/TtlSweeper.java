package dev.ekslifecycle.local.dynamodb.operations;

import dev.ekslifecycle.local.clock.SimulationClock;
import dev.ekslifecycle.local.dynamodb.model.Value;
import dev.ekslifecycle.local.dynamodb.storage.Database;
import dev.ekslifecycle.local.dynamodb.storage.Mutation;
import dev.ekslifecycle.local.dynamodb.storage.PrimaryKey;
import dev.ekslifecycle.local.dynamodb.storage.Table;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Deletes expired items of tables with TTL enabled, as DynamoDB's background process does: an item expires when
 * its TTL attribute is a number of epoch seconds at or before the clock's now (and not more than five years
 * before it, which DynamoDB ignores). The sweep runs every {@code interval} of clock time as a background timer,
 * so an expired item disappears at most one interval after it expired; on a virtual clock, when time is advanced
 * past a sweep.
 */
public final class TtlSweeper implements AutoCloseable {

    private static final long FIVE_YEARS_SECONDS = Duration.ofDays(5 * 365).toSeconds();

    private final Database database;
    private final SimulationClock clock;
    private final Duration interval;
    private volatile SimulationClock.Timer timer;
    private volatile boolean closed;

    public TtlSweeper(Database database, SimulationClock clock, Duration interval) {
        this.database = database;
        this.clock = clock;
        this.interval = interval;
    }

    public void start() {
        schedule();
    }

    private void schedule() {
        if (!closed) {
            timer = clock.scheduleBackground(clock.instant().plus(interval), this::sweepAndReschedule);
        }
    }

    private void sweepAndReschedule() {
        try {
            sweep();
        } finally {
            schedule();
        }
    }

    /** Deletes every item that has expired by now; returns how many. */
    public int sweep() {
        long now = clock.instant().getEpochSecond();
        int deleted = 0;
        for (String name : database.tableNames()) {
            Table table = database.table(name);
            String attribute = table == null ? null : table.schema().ttlAttribute();
            if (attribute == null) {
                continue;
            }
            List<PrimaryKey> expired = new ArrayList<>();
            for (Iterator<Map<String, Value>> it = table.scan(null, 0, 1, null); it.hasNext(); ) {
                Map<String, Value> item = it.next();
                if (isExpired(item, attribute, now)) {
                    expired.add(table.keyOf(item));
                }
            }
            for (PrimaryKey key : expired) {
                deleted += deleteIfStillExpired(table, key, attribute, now) ? 1 : 0;
            }
        }
        return deleted;
    }

    private boolean deleteIfStillExpired(Table table, PrimaryKey key, String attribute, long now) {
        try (Database.Lock ignored = database.lock(List.of(database.stripe(table, key)))) {
            Map<String, Value> current = table.get(key);
            if (current == null || !isExpired(current, attribute, now)) {
                return false;
            }
            database.apply(List.of(new Mutation(table, key, null)));
            return true;
        }
    }

    static boolean isExpired(Map<String, Value> item, String attribute, long nowEpochSeconds) {
        if (!(item.get(attribute) instanceof Value.N n)) {
            return false;
        }
        BigDecimal at = n.value();
        return at.compareTo(BigDecimal.valueOf(nowEpochSeconds)) <= 0
                && at.compareTo(BigDecimal.valueOf(nowEpochSeconds - FIVE_YEARS_SECONDS)) >= 0;
    }

    @Override
    public void close() {
        closed = true;
        SimulationClock.Timer t = timer;
        if (t != null) {
            t.cancel();
        }
    }
}
