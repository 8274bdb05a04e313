package dev.ekslifecycle.tests.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ekslifecycle.local.cloud.template.CloudFormationYaml;
import dev.ekslifecycle.tests.RepositoryFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * {@code functions/src/main/java} are not seen. Resources and conditions of the grants are not checked, only the
 * actions.
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

    @BeforeAll
    static void read() throws IOException {
        template = new TemplateGrants(CloudFormationYaml.read(RepositoryFiles.resolve("template.yaml")));
        code = CodeCalls.read(RepositoryFiles.resolve("functions/src/main/java"));
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
