package dev.ekslifecycle.local.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * The events that reached a bus and what became of them at each target, for tests and the control API. Keeps the
 * latest {@value #CAPACITY} events so a long-running local cloud with schedules does not grow without bound.
 */
public final class EventLog {

    static final int CAPACITY = 10_000;

    private final Deque<LoggedEvent> events = new ArrayDeque<>();

    synchronized LoggedEvent add(String busName, ObjectNode event, List<String> matchedRules) {
        LoggedEvent logged = new LoggedEvent(busName, event, List.copyOf(matchedRules), new CopyOnWriteArrayList<>());
        events.addLast(logged);
        if (events.size() > CAPACITY) {
            events.removeFirst();
        }
        return logged;
    }

    /** Logged events, oldest first, that satisfy {@code filter}. */
    public synchronized List<LoggedEvent> events(Predicate<LoggedEvent> filter) {
        return events.stream().filter(filter).toList();
    }

    /** Every delivery to a target, in the order they finished, across logged events. */
    public synchronized List<Delivery> deliveries() {
        return events.stream().flatMap(e -> e.deliveries().stream()).toList();
    }

    /** An event on a bus: the event as targets see it, the rules that matched, its deliveries so far. */
    public record LoggedEvent(String busName, ObjectNode event, List<String> matchedRules, List<Delivery> deliveries) {

        public String source() {
            return event.path("source").asText();
        }

        public String detailType() {
            return event.path("detail-type").asText();
        }
    }

    /**
     * One attempt to deliver an event to a target: {@code input} is what the target got; {@code result} the
     * execution ARN or the function's response when delivered, the error when failed.
     */
    public record Delivery(String ruleArn, String targetId, String targetArn, String input, boolean delivered,
                           String result, Instant at) {
    }
}
