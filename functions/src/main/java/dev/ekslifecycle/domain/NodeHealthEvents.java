package dev.ekslifecycle.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the EventBridge events that the health-signal rule delivers: {@code EC2 Instance State-change
 * Notification} (detail {@code instance-id}, {@code state}) and {@code AWS Health Event} (affected instances in
 * {@code resources} and {@code detail.affectedEntities[].entityValue}, what happened in
 * {@code detail.eventTypeCode}). Events that are no health signal (an instance starting, a Health event about no
 * instance) read as empty.
 */
public final class NodeHealthEvents {

    public static final String STATE_CHANGE = "EC2 Instance State-change Notification";
    public static final String HEALTH = "AWS Health Event";
    /** The states in which an instance is no longer, or soon no longer, a working node. */
    static final Set<String> UNHEALTHY_STATES = Set.of("stopping", "stopped", "shutting-down", "terminated");
    private static final Pattern INSTANCE_ID = Pattern.compile("(?:^|/)(i-[0-9a-f]{8,17})$");

    private NodeHealthEvents() {
    }

    /**
     * @throws IllegalArgumentException when the event lacks what every EventBridge event has (id, time)
     */
    public static Optional<NodeHealthEvent> read(Map<String, Object> event) {
        String id = text(event.get("id"));
        String time = text(event.get("time"));
        if (id == null || time == null) {
            throw new IllegalArgumentException("not an EventBridge event (no id or time): " + event.keySet());
        }
        Map<?, ?> detail = event.get("detail") instanceof Map<?, ?> m ? m : Map.of();
        String source = text(event.get("source"));
        String detailType = text(event.get("detail-type"));
        if (STATE_CHANGE.equals(detailType)) {
            String state = text(detail.get("state"));
            String instance = text(detail.get("instance-id"));
            if (instance == null || !UNHEALTHY_STATES.contains(state)) {
                return Optional.empty();
            }
            return Optional.of(new NodeHealthEvent(id, source, Instant.parse(time), List.of(instance),
                    "instance " + state));
        }
        if (HEALTH.equals(detailType)) {
            Set<String> instances = new LinkedHashSet<>();
            instancesIn(event.get("resources"), instances);
            if (detail.get("affectedEntities") instanceof List<?> entities) {
                entities.forEach(e -> {
                    if (e instanceof Map<?, ?> entity) {
                        instancesIn(List.of(String.valueOf(entity.get("entityValue"))), instances);
                    }
                });
            }
            if (instances.isEmpty()) {
                return Optional.empty();
            }
            String code = text(detail.get("eventTypeCode"));
            return Optional.of(new NodeHealthEvent(id, source, Instant.parse(time), new ArrayList<>(instances),
                    "health event " + (code == null ? "(no type code)" : code)));
        }
        return Optional.empty();
    }

    /** Instance IDs, bare or at the end of an instance ARN. */
    private static void instancesIn(Object values, Set<String> into) {
        if (values instanceof List<?> list) {
            for (Object value : list) {
                Matcher m = INSTANCE_ID.matcher(String.valueOf(value));
                if (m.find()) {
                    into.add(m.group(1));
                }
            }
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
