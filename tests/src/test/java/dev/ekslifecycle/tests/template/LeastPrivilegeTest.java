package dev.ekslifecycle.tests.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ekslifecycle.local.cloud.template.CloudFormationYaml;
import dev.ekslifecycle.tests.RepositoryFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Least privilege, checked statically: each function's grants in template.yaml equal the AWS calls its handler's
 * code can make ({@link CodeCalls}), and each state machine's grants equal the calls its definition's Task states
 * make. A call without a grant fails in AWS at run time; a grant without a call is privilege nobody needs.
 *
 * <p>Some grants are needed although no code names them: actions AWS checks on our behalf when it serves a call
 * we make ({@link #REQUIRED_BY}, granted only while that call is made) and the permissions of the platform
 * features a resource is configured with ({@link #LOG_DELIVERY}). Both are listed here with their reasons.
 *
 * <p>Limits: the code analysis reads source text, not bytecode. It resolves calls by method name among the classes
 * a class refers to, so a name shared by several reachable methods over-approximates (the test then asks for a
 * grant the code may not need, never the other way round); calls through reflection, through variables of a client
 * type declared in another class (other than by an accessor method), or through code outside
 * {@code functions/src/main/java} are not seen.
 *
 * <p>Resources: a grant may name only resources of this stack that its holder is wired to (a function's environment
 * variables that its code reads, a state machine's definition substitutions and logging), and every grant on
 * {@code Resource: "*"} carries a comment saying why (AWS allows no narrower resource for the action, or it is
 * granted on purpose). Conditions are not checked.
 */
class LeastPrivilegeTest {

    /** Actions IAM checks for another call: granted action to the calls that need it, with why. */
    private static final Map<String, Set<String>> REQUIRED_BY = Map.of(
            // EKS checks that the caller may pass the cluster, node and pod execution roles named in the request.
            "iam:PassRole", Set.of("eks:CreateCluster", "eks:CreateNodegroup", "eks:CreateFargateProfile"),
            // On an account's first cluster, node group or Fargate profile EKS creates its service-linked role as
            // the caller.
            "iam:CreateServiceLinkedRole", Set.of("eks:CreateCluster", "eks:CreateNodegroup",
                    "eks:CreateFargateProfile"),
            // Tags in a create request are authorised as eks:TagResource too (tag-on-create), and we tag every
            // resource we create with our managed-by marker.
            "eks:TagResource", Set.of("eks:CreateCluster", "eks:CreateNodegroup", "eks:CreateFargateProfile",
                    "eks:CreateAddon"));

    /** What a state machine's {@code Logging} configuration needs: Step Functions delivers logs as vended logs. */
    private static final Set<String> LOG_DELIVERY = Set.of("logs:CreateLogDelivery", "logs:GetLogDelivery",
            "logs:UpdateLogDelivery", "logs:DeleteLogDelivery", "logs:ListLogDeliveries", "logs:PutResourcePolicy",
            "logs:DescribeResourcePolicies", "logs:DescribeLogGroups");

    private static final Pattern AWS_SDK_TASK = Pattern.compile("arn:aws:states:::aws-sdk:(\\w+):(\\w+)");
    private static final Map<String, String> OPTIMISED_TASKS = Map.of(
            "arn:aws:states:::lambda:invoke", "lambda:InvokeFunction");

    private static TemplateGrants template;
    private static CodeCalls code;
    private static String templateText;
    private static String functionSources;

    @BeforeAll
    static void read() throws IOException {
        template = new TemplateGrants(CloudFormationYaml.read(RepositoryFiles.resolve("template.yaml")));
        code = CodeCalls.read(RepositoryFiles.resolve("functions/src/main/java"));
        templateText = Files.readString(RepositoryFiles.resolve("template.yaml"));
        try (Stream<Path> files = Files.walk(RepositoryFiles.resolve("functions/src/main/java"))) {
            StringBuilder all = new StringBuilder();
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                all.append(Files.readString(file));
            }
            functionSources = all.toString();
        }
    }

    @Test
    void everyGrantOnEveryResourceSaysWhy() {
        assertEquals(List.of(), ResourceScoping.unexplainedWildcards(templateText));
    }

    @Test
    void everyGrantNamesOnlyResourcesItsHolderIsWiredTo() {
        List<String> mismatches = new ArrayList<>();
        Set<String> grantees = new TreeSet<>(template.logicalIdsOfType("AWS::Serverless::Function"));
        grantees.addAll(template.logicalIdsOfType("AWS::Serverless::StateMachine"));
        for (String grantee : grantees) {
            Set<String> wired = template.wiring(grantee);
            for (TemplateGrants.Grant grant : template.grants(grantee)) {
                Set<String> named = ResourceScoping.references(grant.resources());
                named.removeAll(wired);
                if (!named.isEmpty()) {
                    mismatches.add(grantee + " " + grant.name() + " names " + named + ", wired only to " + wired);
                }
            }
        }
        assertEquals(List.of(), mismatches);
    }

    @Test
    void everyEnvironmentVariableThatNamesAGrantedResourceIsReadByTheCode() {
        List<String> unread = new ArrayList<>();
        for (String function : template.logicalIdsOfType("AWS::Serverless::Function")) {
            Set<String> granted = new TreeSet<>();
            template.grants(function).forEach(g -> granted.addAll(ResourceScoping.references(g.resources())));
            template.environmentReferences(function).forEach((variable, named) -> {
                // MicroProfile Config reads EVENT_BUS_NAME as event.bus.name.
                String key = variable.toLowerCase(java.util.Locale.ROOT).replace('_', '.');
                if (named.stream().anyMatch(granted::contains) && !functionSources.contains("\"" + key + "\"")
                        && !functionSources.contains("\"" + variable + "\"")) {
                    unread.add(function + ": " + variable + " names " + named + " but no code reads " + key);
                }
            });
        }
        assertEquals(List.of(), unread);
    }

    @Test
    void theResourceChecksFindWhatTheyLookFor() {
        String template = """
                Resources:
                  F:
                    Properties:
                      Policies:
                        - Statement:
                            - Sid: Explained
                              Effect: Allow
                              Action: eks:ListClusters
                              Resource: "*"
                            - Sid: Unexplained
                              Effect: Allow
                              Action: [dynamodb:GetItem]
                              Resource: "*"
                """;
        String indent = "            ";
        String explained = template
                .replace(indent + "- Sid: Explained", indent + "# ListClusters takes no resource\n" + indent
                        + "- Sid: Explained")
                .replace(indent + "- Sid: Unexplained", indent + "# on purpose: any table\n" + indent
                        + "- Sid: Unexplained");
        assertEquals(List.of(), ResourceScoping.unexplainedWildcards(explained));
        assertEquals(List.of("line 9: Resource \"*\" for eks:ListClusters without a comment saying why",
                "line 13: Resource \"*\" for [dynamodb:GetItem] without a comment saying why"),
                ResourceScoping.unexplainedWildcards(template));
        assertEquals(Set.of("Table", "Bus", "Queue"), ResourceScoping.references(Map.of("Resource", List.of(
                Map.of("Fn::GetAtt", List.of("Table", "Arn")), Map.of("Ref", "Bus"),
                Map.of("Fn::Sub", "arn:${AWS::Partition}:sqs:${AWS::Region}:${Queue.QueueName}")))));
    }

    @Test
    void everyFunctionIsGrantedExactlyWhatItsCodeCalls() {
        Set<String> functions = template.logicalIdsOfType("AWS::Serverless::Function");
        assertFalse(functions.isEmpty(), "the template deploys functions");
        List<String> mismatches = new ArrayList<>();
        for (String function : functions) {
            String handler = code.handlerClass(handlerName(function));
            mismatch(function + " (" + handler + ")", template.of(function), code.actionsReachedFrom(handler),
                    Set.of()).ifPresent(mismatches::add);
        }
        assertEquals(List.of(), mismatches);
    }

    @Test
    void everyStateMachineIsGrantedExactlyWhatItsDefinitionCalls() throws IOException {
        Set<String> machines = template.logicalIdsOfType("AWS::Serverless::StateMachine");
        assertFalse(machines.isEmpty(), "the template deploys state machines");
        List<String> mismatches = new ArrayList<>();
        for (String machine : machines) {
            String definitionUri = (String) template.properties(machine).get("DefinitionUri");
            JsonNode definition = new ObjectMapper().readTree(RepositoryFiles.resolve(definitionUri).toFile());
            Set<String> calls = new TreeSet<>();
            collectTaskCalls(definition, calls);
            Set<String> infrastructure = template.properties(machine).containsKey("Logging") ? LOG_DELIVERY : Set.of();
            mismatch(machine + " (" + definitionUri + ")", template.of(machine), calls, infrastructure)
                    .ifPresent(mismatches::add);
        }
        assertEquals(List.of(), mismatches);
    }

    @Test
    void theAnalysisFindsCallsThroughInterfacesAdaptersAndTransactions() {
        // Guards the analysis itself: these calls exist in the code, each reached by a different route.
        Set<String> api = code.actionsReachedFrom(code.handlerClass("api"));
        assertTrue(api.contains("states:StartExecution"), "via the WorkflowStarter interface: " + api);
        assertTrue(api.contains("dynamodb:Query"), "via a store accessor of the state table: " + api);
        Set<String> steps = code.actionsReachedFrom(code.handlerClass("operation-steps"));
        assertTrue(steps.contains("events:PutEvents"), "via the event publisher: " + steps);
        assertTrue(steps.contains("dynamodb:PutItem"), "via a TransactWriteItem put: " + steps);
        assertFalse(steps.contains("eks:CreateCluster"), "only the gateway methods the steps call: " + steps);
        assertTrue(code.actionsReachedFrom(code.handlerClass("validate-cluster-spec")).isEmpty());
    }

    /** What is wrong with {@code who}'s grants, if anything. */
    private static Optional<String> mismatch(String who, Set<String> granted, Set<String> called,
                                             Set<String> infrastructure) {
        Set<String> missing = new TreeSet<>(called);
        missing.removeAll(granted);
        Set<String> unused = new TreeSet<>(granted);
        unused.removeAll(called);
        unused.removeAll(infrastructure);
        unused.removeIf(action -> REQUIRED_BY.getOrDefault(action, Set.of()).stream().anyMatch(called::contains));
        if (missing.isEmpty() && unused.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(who + ": calls without a grant " + missing + ", grants without a call " + unused
                + " (calls " + called + ")");
    }

    private static void collectTaskCalls(JsonNode node, Set<String> calls) {
        if (node.isObject() && "Task".equals(node.path("Type").asText())) {
            String resource = node.path("Resource").asText();
            Matcher sdk = AWS_SDK_TASK.matcher(resource);
            if (sdk.matches()) {
                String action = sdk.group(2);
                calls.add(sdk.group(1) + ":" + Character.toUpperCase(action.charAt(0)) + action.substring(1));
            } else {
                String action = OPTIMISED_TASKS.get(resource);
                assertTrue(action != null, "Task resource " + resource + " is not known to this test");
                calls.add(action);
            }
        }
        node.forEach(child -> collectTaskCalls(child, calls));
    }

    @SuppressWarnings("unchecked")
    private static String handlerName(String function) {
        Map<String, Object> environment = (Map<String, Object>) template.properties(function).get("Environment");
        return (String) ((Map<String, Object>) environment.get("Variables")).get("QUARKUS_LAMBDA_HANDLER");
    }
}
