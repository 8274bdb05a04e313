package dev.ekslifecycle.local.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.cloud.AwsJsonClient.AwsCallException;
import dev.ekslifecycle.local.cloud.AwsJsonClient.Service;
import dev.ekslifecycle.local.cloud.template.StackIdentity;
import dev.ekslifecycle.local.cloud.template.TemplateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * {@code AWS::Serverless::StateMachine} and {@code AWS::StepFunctions::StateMachine} → CreateStateMachine on the
 * local Step Functions: the definition from {@code DefinitionUri} (a file next to the template), {@code Definition}
 * or {@code DefinitionString}, with {@code DefinitionSubstitutions} applied to its {@code ${name}} placeholders, of
 * type STANDARD or EXPRESS. A machine that already exists (a restart) gets the definition by UpdateStateMachine.
 */
final class StateMachineDeployer {

    private static final Set<String> SAM_SUPPORTED = Set.of("Definition", "DefinitionUri", "DefinitionSubstitutions",
            "Type", "Name", "Events", "Role");
    private static final Set<String> SAM_ACCEPTED = Set.of("Policies", "Logging", "Tracing", "Tags",
            "PermissionsBoundary", "RolePath");
    private static final Set<String> PLAIN_SUPPORTED = Set.of("Definition", "DefinitionString",
            "DefinitionSubstitutions", "StateMachineType", "StateMachineName", "RoleArn");
    private static final Set<String> PLAIN_ACCEPTED = Set.of("LoggingConfiguration", "TracingConfiguration", "Tags");

    private final AwsJsonClient aws;
    private final StackIdentity stack;
    private final Path templateDirectory;

    StateMachineDeployer(AwsJsonClient aws, StackIdentity stack, Path templateDirectory) {
        this.aws = aws;
        this.stack = stack;
        this.templateDirectory = templateDirectory;
    }

    /** A SAM state machine; returns its ARN. */
    String deploySam(String logicalId, String name, ResourceProperties p) {
        p.allowOnly(SAM_SUPPORTED, SAM_ACCEPTED);
        String definition = p.has("DefinitionUri") ? file(p, "DefinitionUri") : inline(p, "Definition");
        String role = p.text("Role").orElse(stack.globalArn("iam", "role/" + stack.stackName() + "-" + logicalId
                + "Role"));
        return create(name, substitute(definition, p), p.text("Type").orElse("STANDARD"), role, p.location("Type"));
    }

    /** A plain CloudFormation state machine; returns its ARN. */
    String deployPlain(String name, ResourceProperties p) {
        p.allowOnly(PLAIN_SUPPORTED, PLAIN_ACCEPTED);
        String definition = p.has("DefinitionString") ? p.requiredText("DefinitionString") : inline(p, "Definition");
        return create(name, substitute(definition, p), p.text("StateMachineType").orElse("STANDARD"),
                p.requiredText("RoleArn"), p.location("StateMachineType"));
    }

    private String create(String name, String definition, String type, String roleArn, String typeLocation) {
        if (!type.equals("STANDARD") && !type.equals("EXPRESS")) {
            throw new TemplateException(typeLocation, "must be STANDARD or EXPRESS, not " + type);
        }
        ObjectNode request = JsonNodeFactory.instance.objectNode().put("name", name).put("definition", definition)
                .put("roleArn", roleArn).put("type", type);
        try {
            return aws.call(Service.STEP_FUNCTIONS, "CreateStateMachine", request).path("stateMachineArn").asText();
        } catch (AwsCallException e) {
            if (!e.code().equals("StateMachineAlreadyExists")) {
                throw e;
            }
            String arn = stack.arn("states", "stateMachine:" + name);
            aws.call(Service.STEP_FUNCTIONS, "UpdateStateMachine", JsonNodeFactory.instance.objectNode()
                    .put("stateMachineArn", arn).put("definition", definition).put("roleArn", roleArn));
            return arn;
        }
    }

    private String file(ResourceProperties p, String key) {
        Path file = templateDirectory.resolve(p.requiredText(key)).normalize();
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new TemplateException(p.location(key), "cannot read " + file + ": " + e.getMessage());
        }
    }

    private static String inline(ResourceProperties p, String key) {
        JsonNode definition = p.json(key).orElseThrow(() -> new TemplateException(p.location(key),
                "a state machine needs a definition"));
        return definition.toString();
    }

    /** SAM's substitution: each {@code ${name}} with a substitution is replaced; others are left as written. */
    private static String substitute(String definition, ResourceProperties p) {
        String out = definition;
        for (Map.Entry<String, String> s : p.strings("DefinitionSubstitutions").entrySet()) {
            out = out.replace("${" + s.getKey() + "}", s.getValue());
        }
        return out;
    }
}
