package dev.ekslifecycle.local.compute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ekslifecycle.local.events.EventPublisher;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An EventPublisher that keeps what it is given, for tests of the compute emulators. */
public final class CapturedEvents implements EventPublisher {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Event> events = new CopyOnWriteArrayList<>();

    @Override
    public void publish(String busName, String source, String detailType, String detailJson, List<String> resources) {
        try {
            events.add(new Event(busName, source, detailType, JSON.readTree(detailJson), List.copyOf(resources)));
        } catch (Exception e) {
            throw new AssertionError("detail is not JSON: " + detailJson, e);
        }
    }

    public List<Event> all() {
        return List.copyOf(events);
    }

    public List<Event> ofType(String detailType) {
        return events.stream().filter(e -> e.detailType().equals(detailType)).toList();
    }

    /** One published event. */
    public record Event(String bus, String source, String detailType, JsonNode detail, List<String> resources) {
    }
}
