package dev.ekslifecycle.local.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import software.amazon.event.ruler.JsonRuleCompiler;
import software.amazon.event.ruler.Machine;

/** Event patterns checked and matched by AWS's event-ruler, never by hand. */
final class EventPatterns {

    /** The fields TestEventPattern requires in its event, as EventBridge does. */
    private static final List<String> EVENT_FIELDS = List.of("id", "account", "source", "time", "region",
            "detail-type");
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventPatterns() {
    }

    /** @throws EventsException InvalidEventPatternException with event-ruler's reason */
    static void check(String pattern) throws EventsException {
        String problem = JsonRuleCompiler.check(pattern);
        if (problem != null) {
            throw new EventsException("InvalidEventPatternException", "Event pattern is not valid. Reason: " + problem);
        }
    }

    /** TestEventPattern: whether {@code pattern} matches {@code event}. */
    static boolean test(String pattern, String event) throws EventsException {
        check(pattern);
        JsonNode parsed;
        try {
            parsed = JSON.readTree(event);
        } catch (IOException e) {
            parsed = null;
        }
        if (parsed == null || !parsed.isObject() || !EVENT_FIELDS.stream().allMatch(parsed::hasNonNull)) {
            throw EventsException.validation("Parameter Event is not valid: it must be a JSON object with "
                    + String.join(", ", EVENT_FIELDS) + ".");
        }
        Machine machine = Machine.builder().build();
        try {
            machine.addRule("test", pattern);
            return !machine.rulesForJSONEvent(event).isEmpty();
        } catch (Exception e) {
            throw EventsException.validation("Parameter Event is not valid: " + e.getMessage());
        }
    }
}
