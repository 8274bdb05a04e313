package dev.ekslifecycle.local.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** CreateEventBus, DeleteEventBus, DescribeEventBus and ListEventBuses. */
final class BusOperations {

    private final EventBridge events;

    BusOperations(EventBridge events) {
        this.events = events;
    }

    void register(Map<String, Operation> table) {
        table.put("CreateEventBus", this::create);
        table.put("DeleteEventBus", this::delete);
        table.put("DescribeEventBus", this::describe);
        table.put("ListEventBuses", this::list);
    }

    private ObjectNode create(JsonNode request) throws EventsException {
        return Operation.JSON.createObjectNode()
                .put("EventBusArn", events.createBus(Operation.text(request, "Name")).arn());
    }

    private ObjectNode delete(JsonNode request) throws EventsException {
        events.deleteBus(required(request, "Name"));
        return Operation.JSON.createObjectNode();
    }

    private ObjectNode describe(JsonNode request) throws EventsException {
        return render(events.describeBus(Operation.text(request, "Name")));
    }

    private ObjectNode list(JsonNode request) throws EventsException {
        return Operation.page(request, events.listBuses(Operation.text(request, "NamePrefix")), "EventBuses",
                BusOperations::render);
    }

    private static ObjectNode render(EventBridge.BusInfo bus) {
        return Operation.JSON.createObjectNode().put("Name", bus.name()).put("Arn", bus.arn());
    }

    static String required(JsonNode request, String field) throws EventsException {
        String v = Operation.text(request, field);
        if (v == null || v.isEmpty()) {
            throw EventsException.validation("1 validation error detected: Value null at '"
                    + Character.toLowerCase(field.charAt(0)) + field.substring(1)
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return v;
    }
}
