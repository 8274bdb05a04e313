package dev.ekslifecycle.local.cloud;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.cloud.EventRules.RuleSpec;
import dev.ekslifecycle.local.cloud.template.StackIdentity;
import dev.ekslifecycle.local.cloud.template.TemplateException;
import dev.ekslifecycle.local.events.EventBridge;
import dev.ekslifecycle.local.events.EventsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code Events} of a SAM function or state machine: {@code EventBridgeRule}, {@code Schedule} and
 * {@code ScheduleV2} become rules on the local EventBridge targeting the resource ({@code ScheduleV2}, an
 * EventBridge Scheduler schedule on AWS, becomes a scheduled rule on the default bus whose dead letters are the
 * Scheduler's); {@code Api} events (functions
 * only) are returned as routes for the API port. Any other event type stops start-up.
 */
final class SamEvents {

    private static final Set<String> SCHEDULER_ACCEPTED = Set.of("FlexibleTimeWindow", "GroupName", "RoleArn",
            "PermissionsBoundary", "KmsKeyArn", "OmitName");

    private final EventRules rules;
    private final QueueDeployer queues;
    private final StackIdentity stack;
    private final EventBridge events;

    SamEvents(EventRules rules, QueueDeployer queues, StackIdentity stack, EventBridge events) {
        this.rules = rules;
        this.queues = queues;
        this.stack = stack;
        this.events = events;
    }

    /** An {@code Api} event: a method on a path of the implicit API or of the API {@code restApiId} names. */
    record ApiEvent(Optional<String> restApiId, String method, String path, String functionName,
                    ResourceProperties properties) {

        String location() {
            return properties.location();
        }
    }

    /** What the events target: a function (Lambda) or a state machine (Step Functions). */
    record EventTarget(String logicalId, String arn, boolean stateMachine, Optional<String> functionName) {
    }

    List<ApiEvent> deploy(EventTarget target, Map<String, ResourceProperties> events) {
        List<ApiEvent> routes = new ArrayList<>();
        events.forEach((eventName, event) -> {
            event.allowOnly(Set.of("Type", "Properties"), Set.of());
            String type = event.requiredText("Type");
            ResourceProperties p = event.object("Properties").orElseThrow(
                    () -> new TemplateException(event.location("Properties"), "is required"));
            switch (type) {
                case "EventBridgeRule" -> eventBridgeRule(target, eventName, p);
                case "Schedule" -> schedule(target, eventName, p);
                case "ScheduleV2" -> scheduleV2(target, eventName, p);
                case "Api" -> routes.add(api(target, p));
                default -> throw new TemplateException(event.location("Type"),
                        "event type " + type + " is not supported locally");
            }
        });
        return routes;
    }

    private void eventBridgeRule(EventTarget target, String eventName, ResourceProperties p) {
        p.allowOnly(Set.of("Pattern", "EventBusName", "Input", "InputPath", "InputTransformer", "RuleName", "State",
                "Target", "RetryPolicy", "DeadLetterConfig"), Set.of());
        String targetId = p.object("Target").flatMap(t -> t.text("Id")).orElse(defaultTargetId(target, eventName));
        rules.put(new RuleSpec(p.text("RuleName").orElse(ruleName(target, eventName)),
                p.text("EventBusName").orElse("default"),
                Optional.ofNullable(EventRules.pattern(p, "Pattern")).orElseThrow(
                        () -> new TemplateException(p.location("Pattern"), "is required")),
                null, enabled(p, true), null, List.of(target(target, eventName, targetId, p))));
    }

    private void schedule(EventTarget target, String eventName, ResourceProperties p) {
        p.allowOnly(Set.of("Schedule", "Input", "Enabled", "State", "Name", "Description", "RetryPolicy",
                "DeadLetterConfig"), Set.of());
        boolean enabled = enabled(p, Boolean.parseBoolean(p.text("Enabled").orElse("true")));
        rules.put(new RuleSpec(p.text("Name").orElse(ruleName(target, eventName)), "default", null,
                p.requiredText("Schedule"), enabled, p.text("Description").orElse(null),
                List.of(target(target, eventName, defaultTargetId(target, eventName), p))));
    }

    private void scheduleV2(EventTarget target, String eventName, ResourceProperties p) {
        p.allowOnly(Set.of("ScheduleExpression", "ScheduleExpressionTimezone", "Input", "State", "Name",
                "Description", "RetryPolicy", "DeadLetterConfig"), SCHEDULER_ACCEPTED);
        String zone = p.text("ScheduleExpressionTimezone").orElse("UTC");
        if (!zone.equals("UTC") && !zone.equals("Etc/UTC")) {
            throw new TemplateException(p.location("ScheduleExpressionTimezone"),
                    "only UTC schedules are supported locally, not " + zone);
        }
        String name = p.text("Name").orElse(ruleName(target, eventName));
        rules.put(new RuleSpec(name, "default", null,
                p.requiredText("ScheduleExpression"), enabled(p, true), p.text("Description").orElse(null),
                List.of(target(target, eventName, defaultTargetId(target, eventName), p))));
        try {
            events.actAsSchedule(name, stack.arn("scheduler", "schedule/"
                    + p.text("GroupName").orElse("default") + "/" + name));
        } catch (EventsException e) {
            throw new TemplateException(p.location(), e.getMessage());
        }
    }

    private static ApiEvent api(EventTarget target, ResourceProperties p) {
        p.allowOnly(Set.of("Path", "Method", "RestApiId", "RequestModel", "RequestParameters"), Set.of());
        String function = target.functionName().orElseThrow(() -> new TemplateException(p.location(),
                "Api events on state machines are not supported locally"));
        return new ApiEvent(p.text("RestApiId"), p.requiredText("Method"), p.requiredText("Path"), function, p);
    }

    private ObjectNode target(EventTarget target, String eventName, String targetId, ResourceProperties p) {
        ObjectNode node = EventRules.target(targetId, target.arn(), p.without("DeadLetterConfig"));
        p.object("DeadLetterConfig").ifPresent(d -> node.putObject("DeadLetterConfig")
                .put("Arn", deadLetterQueue(target, eventName, d)));
        if (target.stateMachine()) {
            // EventBridge needs a role to start executions; the local one is never checked
            node.put("RoleArn", stack.globalArn("iam", "role/"
                    + stack.generatedName(target.logicalId() + eventName + "Role", 64)));
        }
        return node;
    }

    /**
     * SAM's {@code DeadLetterConfig}: the queue {@code Arn} names, or, with {@code Type: SQS}, the queue SAM creates
     * for the event ({@code QueueLogicalId}, by default {@code <LogicalId><EventName>Queue}), named
     * {@code <stack>-<queue logical id>} locally.
     */
    private String deadLetterQueue(EventTarget target, String eventName, ResourceProperties d) {
        d.allowOnly(Set.of("Arn", "Type", "QueueLogicalId"), Set.of());
        if (d.has("Arn") == d.has("Type")) {
            throw new TemplateException(d.location(), "needs either Arn or Type, not both");
        }
        if (d.has("Arn")) {
            return d.requiredText("Arn");
        }
        if (!d.requiredText("Type").equals("SQS")) {
            throw new TemplateException(d.location("Type"), "must be SQS");
        }
        String name = stack.generatedName(d.text("QueueLogicalId").orElse(target.logicalId() + eventName + "Queue"),
                80);
        queues.deploy(name, new ResourceProperties(d.location(), java.util.Map.of()));
        return stack.arn("sqs", name);
    }

    private static boolean enabled(ResourceProperties p, boolean otherwise) {
        return p.text("State").map(s -> s.equals("ENABLED")).orElse(otherwise);
    }

    private String ruleName(EventTarget target, String eventName) {
        return stack.generatedName(target.logicalId() + eventName, 64);
    }

    private static String defaultTargetId(EventTarget target, String eventName) {
        return truncate(target.logicalId() + eventName + (target.stateMachine() ? "StepFunctionsTarget" : "LambdaTarget"),
                64);
    }

    private static String truncate(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
