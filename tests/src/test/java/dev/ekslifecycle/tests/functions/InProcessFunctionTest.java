package dev.ekslifecycle.tests.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ekslifecycle.local.functions.FunctionFailure;
import dev.ekslifecycle.local.functions.FunctionPackage;
import dev.ekslifecycle.local.functions.FunctionSpec;
import dev.ekslifecycle.local.functions.InProcessFunction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real functions/target/function.zip, run in this JVM as the local cloud runs it. */
class InProcessFunctionTest {

    private static final String HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";

    private static final String VALID_SPEC = """
            {"name": "orders", "version": "1.31", "roleArn": "arn:aws:iam::000000000000:role/eks",
             "subnetIds": ["subnet-0a1b2c3d4e5f60718", "subnet-0a1b2c3d4e5f60719"]}""";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static FunctionPackage functionPackage;

    @BeforeAll
    static void unpack() throws Exception {
        functionPackage = FunctionPackage.unpack(
                Path.of(System.getProperty("repo.root"), "functions", "target", "function.zip"));
    }

    @AfterAll
    static void remove() throws Exception {
        functionPackage.close();
    }

    private static InProcessFunction function(String name, Map<String, String> environment) {
        return new InProcessFunction(functionPackage, new FunctionSpec(name,
                "arn:aws:lambda:us-east-1:000000000000:function:" + name, HANDLER, environment, 1024, 30));
    }

    private static String invoke(InProcessFunction function, String payload) throws FunctionFailure {
        return new String(function.invoke(payload.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void theHandlerNamedByQuarkusLambdaHandlerAnswersPayloadWithPayload() throws Exception {
        try (InProcessFunction validate = function("validate",
                Map.of("QUARKUS_LAMBDA_HANDLER", "validate-cluster-spec"))) {
            assertTrue(json(invoke(validate, VALID_SPEC)).get("valid").asBoolean());
            JsonNode invalid = json(invoke(validate, "{}"));
            assertFalse(invalid.get("valid").asBoolean());
            assertTrue(invalid.get("problems").size() > 0);
        }
    }

    @Test
    void eachFunctionIsItsOwnApplicationWithItsOwnEnvironment() throws Exception {
        try (InProcessFunction broken = function("broken", Map.of("QUARKUS_LOG_LEVEL", "NOT-A-LEVEL"));
             InProcessFunction healthy = function("healthy", Map.of("QUARKUS_LOG_LEVEL", "WARN"))) {
            FunctionFailure failure = assertThrows(FunctionFailure.class, () -> invoke(broken, "{}"));
            assertEquals("java.lang.RuntimeException", failure.errorType(), "the runtime reports the outer exception");
            assertEquals("Quarkus manual initialization failed", failure.getMessage());
            assertTrue(json(invoke(healthy, VALID_SPEC)).get("valid").asBoolean(),
                    "the other function's configuration does not leak into this one");
        }
    }

    @Test
    void aHandlerExceptionIsAFunctionErrorNamedByTheExceptionClass() throws Exception {
        try (InProcessFunction validate = function("validate", Map.of())) {
            FunctionFailure failure = assertThrows(FunctionFailure.class, () -> invoke(validate, "{not json"));
            assertEquals("com.fasterxml.jackson.core.JsonParseException", failure.errorType());
            assertTrue(failure.stackTrace().size() > 0);
            assertTrue(json(invoke(validate, VALID_SPEC)).get("valid").asBoolean(), "the function still works");
        }
    }
}
