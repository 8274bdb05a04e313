package dev.ekslifecycle.local.cloud;

import dev.ekslifecycle.local.cloud.template.StackIdentity;
import dev.ekslifecycle.local.cloud.template.TemplateException;
import dev.ekslifecycle.local.functions.FunctionFailure;
import dev.ekslifecycle.local.functions.FunctionPackage;
import dev.ekslifecycle.local.functions.FunctionSpec;
import dev.ekslifecycle.local.functions.InProcessFunction;
import dev.ekslifecycle.local.lambda.FunctionError;
import dev.ekslifecycle.local.lambda.LambdaFunctions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code AWS::Serverless::Function} → an {@link InProcessFunction} registered with the Lambda emulator under the
 * function's name. Its environment is the template's (Globals merged) plus what Lambda sets ({@code AWS_REGION},
 * {@code AWS_LAMBDA_FUNCTION_NAME}, credentials...) plus {@code AWS_ENDPOINT_URL} pointing the AWS SDK at the edge.
 */
final class FunctionDeployer implements AutoCloseable {

    private static final Set<String> SUPPORTED = Set.of("Handler", "Runtime", "CodeUri", "Environment", "Events",
            "MemorySize", "Timeout", "FunctionName", "PackageType", "AutoPublishAlias", "EventInvokeConfig",
            "DeadLetterQueue");
    /** Properties with no local behaviour, accepted on purpose. */
    private static final Set<String> ACCEPTED = Set.of("Role", "Policies", "Description", "Architectures", "Tracing",
            "Tags", "SnapStart", "LoggingConfig", "ReservedConcurrentExecutions",
            "VpcConfig", "PermissionsBoundary", "EphemeralStorage",
            "KmsKeyArn", "RuntimeManagementConfig", "RolePath");
    /** Variables Lambda sets itself; a template may not set them (AWS refuses too). */
    private static final Set<String> RESERVED = Set.of("_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION",
            "AWS_REGION", "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
            "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME",
            "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN", "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR");

    private final LambdaFunctions registry;
    private final StackIdentity stack;
    private final Path templateDirectory;
    private final String edgeUrl;
    private final Map<Path, FunctionPackage> packages = new HashMap<>();
    private final List<InProcessFunction> functions = new ArrayList<>();

    FunctionDeployer(LambdaFunctions registry, StackIdentity stack, Path templateDirectory, String edgeUrl) {
        this.registry = registry;
        this.stack = stack;
        this.templateDirectory = templateDirectory;
        this.edgeUrl = edgeUrl;
    }

    /**
     * Registers the function; its application starts on the first invocation. Returns the ARN its event sources
     * invoke: with {@code AutoPublishAlias}, the alias's, as SAM attaches event sources to the alias.
     */
    String deploy(String name, ResourceProperties p) {
        p.allowOnly(SUPPORTED, ACCEPTED);
        if (!p.text("PackageType").orElse("Zip").equals("Zip")) {
            throw new TemplateException(p.location("PackageType"), "only Zip packages run locally");
        }
        String runtime = p.requiredText("Runtime");
        if (!runtime.startsWith("java")) {
            throw new TemplateException(p.location("Runtime"), "only Java runtimes run locally, not " + runtime);
        }
        String handler = p.requiredText("Handler");
        if (!handler.matches(FunctionSpec.HANDLER_FORMAT)) {
            throw new TemplateException(p.location("Handler"), "must be Class::method, not " + handler);
        }
        int memory = p.integer("MemorySize").orElse(128);
        FunctionSpec spec = new FunctionSpec(name, stack.arn("lambda", "function:" + name), handler,
                environment(name, handler, memory, p), memory, p.integer("Timeout").orElse(3));
        InProcessFunction function = new InProcessFunction(functionPackage(p), spec);
        functions.add(function);
        registry.register(name, payload -> {
            try {
                return function.invoke(payload);
            } catch (FunctionFailure failure) {
                throw new FunctionError(failure.errorType(), failure.getMessage(), failure.stackTrace());
            }
        });
        // SAM's AutoPublishAlias: callers (state machines through !Ref Function.Alias) invoke the alias.
        p.text("AutoPublishAlias").ifPresent(alias -> registry.registerAlias(name, alias));
        AsyncConfigs.eventInvokeConfig(p).ifPresent(config -> registry.putEventInvokeConfig(name, config));
        AsyncConfigs.deadLetterQueue(p).ifPresent(queue -> registry.setDeadLetterQueue(name, queue));
        return p.text("AutoPublishAlias").map(alias -> spec.arn() + ":" + alias).orElse(spec.arn());
    }

    private Map<String, String> environment(String name, String handler, int memory, ResourceProperties p) {
        ResourceProperties environment = p.object("Environment").orElse(null);
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("AWS_ENDPOINT_URL", edgeUrl);
        if (environment != null) {
            environment.allowOnly(Set.of("Variables"), Set.of());
            Map<String, String> declared = environment.strings("Variables");
            for (String variable : declared.keySet()) {
                if (RESERVED.contains(variable)) {
                    throw new TemplateException(environment.location("Variables." + variable),
                            "is reserved: Lambda sets it");
                }
            }
            variables.putAll(declared);
        }
        variables.put("AWS_REGION", stack.region());
        variables.put("AWS_DEFAULT_REGION", stack.region());
        variables.put("AWS_ACCESS_KEY_ID", "local");
        variables.put("AWS_SECRET_ACCESS_KEY", "local");
        variables.put("AWS_LAMBDA_FUNCTION_NAME", name);
        variables.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(memory));
        variables.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        variables.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + name);
        variables.put("_HANDLER", handler);
        return variables;
    }

    /** The unpacked {@code CodeUri}, unpacked once however many functions share it. */
    private FunctionPackage functionPackage(ResourceProperties p) {
        String codeUri = p.requiredText("CodeUri");
        Path zip = templateDirectory.resolve(codeUri).normalize();
        return packages.computeIfAbsent(zip, z -> {
            try {
                return FunctionPackage.unpack(z);
            } catch (IOException e) {
                throw new TemplateException(p.location("CodeUri"), e.getMessage());
            }
        });
    }

    /** Stops every function's application and removes the unpacked packages. */
    @Override
    public void close() {
        functions.forEach(InProcessFunction::close);
        for (FunctionPackage functionPackage : packages.values()) {
            try {
                functionPackage.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
