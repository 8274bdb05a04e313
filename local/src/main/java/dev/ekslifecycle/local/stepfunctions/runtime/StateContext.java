package dev.ekslifecycle.local.stepfunctions.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.stepfunctions.json.Json;
import dev.ekslifecycle.local.stepfunctions.language.StateEnvironment;
import java.time.Instant;
import java.util.Map;

/**
 * The environment of one visit to a state. The context object is built only when an expression reads it: most
 * states never do, and building it for each of millions of states would cost more than running them.
 */
final class StateContext implements StateEnvironment {

    private final Execution execution;
    private final String stateName;
    private final Instant enteredTime;
    private final Variables variables;
    private final Instant now;
    private int retryCount;
    private String taskToken;
    private JsonNode mapItemValue;
    private int mapItemIndex = -1;
    private ObjectNode context;
    /** The {@code Map} member alone, built once for the selector's several reads of {@code $$.Map.Item}. */
    private ObjectNode mapMember;
    private String enteredTimeText;

    StateContext(Execution execution, String stateName, Instant enteredTime, Variables variables, Instant now) {
        this.execution = execution;
        this.stateName = stateName;
        this.enteredTime = enteredTime;
        this.variables = variables;
        this.now = now;
    }

    /** The same visit at a later retry, as seen at {@code time}. */
    StateContext retry(int count, Instant time) {
        StateContext c = new StateContext(execution, stateName, enteredTime, variables, time);
        c.retryCount = count;
        return c;
    }

    /** The context an ItemSelector sees for one Map item. */
    StateContext forMapItem(int index, JsonNode value) {
        StateContext c = new StateContext(execution, stateName, enteredTime, variables, now);
        c.retryCount = retryCount;
        c.enteredTimeText = enteredTimeText();
        c.mapItemIndex = index;
        c.mapItemValue = value;
        return c;
    }

    void setTaskToken(String token) {
        this.taskToken = token;
        this.context = null;
    }

    @Override
    public JsonNode context() {
        if (context == null) {
            ObjectNode c = Json.object();
            ObjectNode shared = execution.contextBase();
            c.set("Execution", shared.get("Execution"));
            ObjectNode s = c.putObject("State");
            s.put("EnteredTime", enteredTimeText());
            s.put("Name", stateName);
            s.put("RetryCount", retryCount);
            c.set("StateMachine", shared.get("StateMachine"));
            if (taskToken != null) {
                c.putObject("Task").put("Token", taskToken);
            }
            if (mapItemIndex >= 0) {
                ObjectNode item = c.putObject("Map").putObject("Item");
                item.put("Index", mapItemIndex);
                item.set("Value", mapItemValue);
            }
            context = c;
        }
        return context;
    }

    @Override
    public JsonNode contextMember(String name) {
        if (context != null) {
            return context.get(name);
        }
        // the members read most often, built alone (a Map item's selector reads only Map.Item)
        switch (name) {
            case "Map":
                if (mapItemIndex < 0) {
                    return null;
                }
                if (mapMember == null) {
                    ObjectNode item = Json.object(2);
                    item.put("Index", mapItemIndex);
                    item.set("Value", mapItemValue);
                    mapMember = Json.object(1);
                    mapMember.set("Item", item);
                }
                return mapMember;
            case "Execution":
            case "StateMachine":
                return execution.contextBase().get(name);
            default:
                return context().get(name);
        }
    }

    /** Formatting an instant is costly; a Map's items share their state's formatted entry time. */
    private String enteredTimeText() {
        if (enteredTimeText == null) {
            enteredTimeText = enteredTime.toString();
        }
        return enteredTimeText;
    }

    @Override
    public Map<String, JsonNode> variables() {
        return variables.view();
    }

    @Override
    public Instant now() {
        return now;
    }
}
