package dev.ekslifecycle.local.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.cloud.AwsJsonClient.AwsCallException;
import dev.ekslifecycle.local.cloud.AwsJsonClient.Service;
import dev.ekslifecycle.local.cloud.template.TemplateException;
import java.util.List;
import java.util.Set;

/**
 * Rules and buses on the local EventBridge: {@code AWS::Events::EventBus}, {@code AWS::Events::Rule} and the rules
 * SAM makes from {@code EventBridgeRule}, {@code Schedule} and {@code ScheduleV2} events. PutRule replaces a rule
 * of the same name, so a restart simply puts them again.
 */
final class EventRules {

    private static final Set<String> BUS_SUPPORTED = Set.of("Name", "Description");
    private static final Set<String> BUS_ACCEPTED = Set.of("Tags", "DeadLetterConfig", "KmsKeyIdentifier", "Policy");
    private static final Set<String> RULE_SUPPORTED = Set.of("Name", "EventBusName", "EventPattern",
            "ScheduleExpression", "State", "Description", "Targets", "RoleArn");
    private static final Set<String> TARGET_SUPPORTED = Set.of("Id", "Arn", "Input", "InputPath", "InputTransformer",
            "RoleArn", "RetryPolicy", "DeadLetterConfig");

    private final AwsJsonClient aws;

    EventRules(AwsJsonClient aws) {
        this.aws = aws;
    }

    /** A rule to put: an event pattern (JSON text) or a schedule expression, and its targets. */
    record RuleSpec(String name, String busName, String eventPattern, String scheduleExpression, boolean enabled,
                    String description, List<ObjectNode> targets) {
    }

    void deployBus(String name, ResourceProperties p) {
        p.allowOnly(BUS_SUPPORTED, BUS_ACCEPTED);
        ObjectNode request = JsonNodeFactory.instance.objectNode().put("Name", name);
        p.text("Description").ifPresent(d -> request.put("Description", d));
        try {
            aws.call(Service.EVENTS, "CreateEventBus", request);
        } catch (AwsCallException e) {
            if (!e.code().equals("ResourceAlreadyExistsException")) {
                throw e;
            }
        }
    }

    void deployRule(String name, ResourceProperties p) {
        p.allowOnly(RULE_SUPPORTED, Set.of());
        List<ObjectNode> targets = p.objects("Targets").stream().map(t -> {
            t.allowOnly(TARGET_SUPPORTED, Set.of());
            return target(t.requiredText("Id"), t.requiredText("Arn"), t);
        }).toList();
        put(new RuleSpec(name, p.text("EventBusName").orElse("default"), pattern(p, "EventPattern"),
                p.text("ScheduleExpression").orElse(null), !"DISABLED".equals(p.text("State").orElse("ENABLED")),
                p.text("Description").orElse(null), targets));
    }

    /** The event pattern as JSON text, from a mapping or a string. */
    static String pattern(ResourceProperties p, String key) {
        return p.json(key).map(j -> j.isTextual() ? j.asText() : j.toString()).orElse(null);
    }

    /**
     * A target with the options a template may give: {@code Input}, {@code InputPath}, transformer, role,
     * {@code RetryPolicy} and {@code DeadLetterConfig} (an {@code Arn}; SAM's form is read by {@link SamEvents}).
     */
    static ObjectNode target(String id, String arn, ResourceProperties options) {
        ObjectNode target = JsonNodeFactory.instance.objectNode().put("Id", id).put("Arn", arn);
        options.text("Input").ifPresent(i -> target.put("Input", i));
        options.text("InputPath").ifPresent(i -> target.put("InputPath", i));
        options.json("InputTransformer").ifPresent(i -> target.set("InputTransformer", i));
        options.text("RoleArn").ifPresent(r -> target.put("RoleArn", r));
        options.object("RetryPolicy").ifPresent(r -> {
            r.allowOnly(Set.of("MaximumRetryAttempts", "MaximumEventAgeInSeconds"), Set.of());
            ObjectNode policy = target.putObject("RetryPolicy");
            r.integer("MaximumRetryAttempts").ifPresent(n -> policy.put("MaximumRetryAttempts", n));
            r.integer("MaximumEventAgeInSeconds").ifPresent(n -> policy.put("MaximumEventAgeInSeconds", n));
        });
        options.object("DeadLetterConfig").ifPresent(d -> {
            d.allowOnly(Set.of("Arn"), Set.of());
            target.putObject("DeadLetterConfig").put("Arn", d.requiredText("Arn"));
        });
        return target;
    }

    void put(RuleSpec rule) {
        if (rule.eventPattern() == null && rule.scheduleExpression() == null) {
            throw new TemplateException("rule " + rule.name(), "needs an event pattern or a schedule expression");
        }
        ObjectNode putRule = JsonNodeFactory.instance.objectNode().put("Name", rule.name())
                .put("EventBusName", rule.busName()).put("State", rule.enabled() ? "ENABLED" : "DISABLED");
        if (rule.eventPattern() != null) {
            putRule.put("EventPattern", rule.eventPattern());
        }
        if (rule.scheduleExpression() != null) {
            putRule.put("ScheduleExpression", rule.scheduleExpression());
        }
        if (rule.description() != null) {
            putRule.put("Description", rule.description());
        }
        aws.call(Service.EVENTS, "PutRule", putRule);
        if (rule.targets().isEmpty()) {
            return;
        }
        ObjectNode putTargets = JsonNodeFactory.instance.objectNode().put("Rule", rule.name())
                .put("EventBusName", rule.busName());
        putTargets.putArray("Targets").addAll(rule.targets());
        JsonNode answer = aws.call(Service.EVENTS, "PutTargets", putTargets);
        if (answer.path("FailedEntryCount").asInt() > 0) {
            throw new TemplateException("rule " + rule.name(), "targets refused: " + answer.path("FailedEntries"));
        }
    }
}
