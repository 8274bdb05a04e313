package dev.ekslifecycle.local.stepfunctions.runtime;

import dev.ekslifecycle.local.stepfunctions.errors.StatesError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The events of one execution, numbered from 1. Like AWS, an execution may have at most 25,000 events: the one
 * that would pass the limit fails the execution instead (which also stops a runaway loop).
 */
public final class History {

    public static final int MAX_EVENTS = 25_000;

    /** The {@code inputDetails}/{@code outputDetails} of every payload: the executor never truncates one. */
    public static final Map<String, Object> NOT_TRUNCATED = Map.of("truncated", false);

    private final List<HistoryEvent> events = new ArrayList<>();
    private final boolean recording;

    /** @param recording false for Express executions, which keep no history */
    public History(boolean recording) {
        this.recording = recording;
    }

    /** Restores a history read back from disk. */
    public History(List<HistoryEvent> restored) {
        this.recording = true;
        this.events.addAll(restored);
    }

    public synchronized void add(Instant at, String type, Map<String, Object> details) {
        if (!recording) {
            return;
        }
        if (events.size() >= MAX_EVENTS - 1 && !type.startsWith("Execution")) {
            throw StatesError.runtime("The execution reached the maximum number of history events ("
                    + MAX_EVENTS + ").");
        }
        long id = events.size() + 1;
        events.add(new HistoryEvent(id, id - 1, at, type, EventDetails.copyOf(details)));
    }

    /** False for Express executions: callers can skip building event details. */
    public boolean isRecording() {
        return recording;
    }

    public synchronized List<HistoryEvent> events() {
        return List.copyOf(events);
    }

    public synchronized int size() {
        return events.size();
    }
}
