package dev.ekslifecycle.local.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** PutRule, DeleteRule, DescribeRule, ListRules, EnableRule, DisableRule and TestEventPattern. */
final class RuleOperations {

    private final EventBridge events;

    RuleOperations(EventBridge events) {
        this.events = events;
    }

    void register(Map<String, Operation> table) {
        table.put("PutRule", this::put);
        table.put("DeleteRule", this::delete);
        table.put("DescribeRule", this::describe);
        table.put("ListRules", this::list);
        table.put("EnableRule", r -> setEnabled(r, true));
        table.put("DisableRule", r -> setEnabled(r, false));
        table.put("TestEventPattern", r -> Operation.JSON.createObjectNode().put("Result", EventPatterns.test(
                BusOperations.required(r, "EventPattern"), BusOperations.required(r, "Event"))));
    }

    private ObjectNode put(JsonNode request) throws EventsException {
        String arn = events.putRule(new EventBridge.RuleDefinition(
                Operation.text(request, "EventBusName"),
                Operation.text(request, "Name"),
                Operation.text(request, "EventPattern"),
                Operation.text(request, "ScheduleExpression"),
                Operation.text(request, "State"),
                Operation.text(request, "Description"),
                Operation.text(request, "RoleArn")));
        return Operation.JSON.createObjectNode().put("RuleArn", arn);
    }

    private ObjectNode delete(JsonNode request) throws EventsException {
        events.deleteRule(Operation.text(request, "EventBusName"), BusOperations.required(request, "Name"));
        return Operation.JSON.createObjectNode();
    }

    private ObjectNode describe(JsonNode request) throws EventsException {
        Rule rule = events.describeRule(Operation.text(request, "EventBusName"),
                BusOperations.required(request, "Name"));
        return render(rule).put("CreatedBy", dev.ekslifecycle.local.aws.LocalAccount.ACCOUNT_ID);
    }

    private ObjectNode list(JsonNode request) throws EventsException {
        return Operation.page(request, events.listRules(Operation.text(request, "EventBusName"),
                Operation.text(request, "NamePrefix")), "Rules", RuleOperations::render);
    }

    private ObjectNode setEnabled(JsonNode request, boolean enabled) throws EventsException {
        events.setEnabled(Operation.text(request, "EventBusName"), BusOperations.required(request, "Name"),
                enabled);
        return Operation.JSON.createObjectNode();
    }

    private static ObjectNode render(Rule rule) {
        ObjectNode out = Operation.JSON.createObjectNode()
                .put("Name", rule.name())
                .put("Arn", rule.arn())
                .put("State", rule.enabled() ? "ENABLED" : "DISABLED")
                .put("EventBusName", rule.busName());
        putIfSet(out, "EventPattern", rule.eventPattern());
        putIfSet(out, "ScheduleExpression", rule.scheduleText());
        putIfSet(out, "Description", rule.description());
        putIfSet(out, "RoleArn", rule.roleArn());
        return out;
    }

    static void putIfSet(ObjectNode out, String field, String value) {
        if (value != null) {
            out.put(field, value);
        }
    }
}
