package dev.ekslifecycle.local.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.aws.LocalAccount;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The registry of emulated Lambda functions: name → in-process handler. The Lambda endpoint and EventBridge's
 * Lambda targets both invoke through it.
 */
public final class LambdaFunctions {

    /** A name, a partial ARN ({@code 000000000000:function:name}) or a full ARN, each with an optional qualifier. */
    private static final Pattern FUNCTION_REFERENCE = Pattern.compile(
            "^(?:arn:aws[\\w-]*:lambda:[a-z0-9-]+:\\d{12}:function:|\\d{12}:function:)?([A-Za-z0-9_-]{1,64})(?::([$\\w-]+))?$");
    private static final String LATEST = "$LATEST";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, LambdaHandler> handlers = new ConcurrentSkipListMap<>();
    private final Map<String, java.util.Set<String>> aliases = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, AsyncInvokeConfig> eventInvokeConfigs = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, String> deadLetterQueues = new java.util.concurrent.ConcurrentHashMap<>();
    private final String region;

    public LambdaFunctions(String region) {
        this.region = region;
    }

    public LambdaFunctions() {
        this(LocalAccount.DEFAULT_REGION);
    }

    /** Registers (or replaces) a function. */
    public LambdaFunctions register(String name, LambdaHandler handler) {
        if (!FUNCTION_REFERENCE.matcher(name).matches() || name.contains(":")) {
            throw new IllegalArgumentException("not a Lambda function name: " + name);
        }
        handlers.put(name, handler);
        return this;
    }

    /**
     * Adds an alias (such as SAM's {@code AutoPublishAlias}) to a registered function. Locally there is one version,
     * the code the function was registered with, so every alias points at it.
     */
    public LambdaFunctions registerAlias(String name, String alias) {
        if (!handlers.containsKey(name) || !alias.matches("[A-Za-z0-9_-]{1,128}") || alias.matches("\\d+")) {
            throw new IllegalArgumentException("cannot alias " + name + " as " + alias);
        }
        aliases.computeIfAbsent(name, n -> java.util.concurrent.ConcurrentHashMap.newKeySet()).add(alias);
        return this;
    }

    /**
     * Sets how the function's asynchronous invocations are retried and where their records go
     * (PutFunctionEventInvokeConfig); the config's dead-letter queue is ignored here, see
     * {@link #setDeadLetterQueue}.
     */
    public LambdaFunctions putEventInvokeConfig(String name, AsyncInvokeConfig config) {
        requireFunction(name);
        eventInvokeConfigs.put(name, config);
        return this;
    }

    /** The function's event invoke config, if one was put. */
    public Optional<AsyncInvokeConfig> eventInvokeConfig(String name) {
        return Optional.ofNullable(eventInvokeConfigs.get(name));
    }

    /** Removes the function's event invoke config: Lambda's defaults apply again. */
    public boolean deleteEventInvokeConfig(String name) {
        return eventInvokeConfigs.remove(name) != null;
    }

    /** Sets the function's dead-letter queue (its {@code DeadLetterConfig.TargetArn}). */
    public LambdaFunctions setDeadLetterQueue(String name, String queueArn) {
        requireFunction(name);
        deadLetterQueues.put(name, queueArn);
        return this;
    }

    public Optional<String> deadLetterQueue(String name) {
        return Optional.ofNullable(deadLetterQueues.get(name));
    }

    /** What asynchronous invocations of the function follow: its event invoke config or Lambda's defaults. */
    public AsyncInvokeConfig asyncConfig(String name) {
        AsyncInvokeConfig config = eventInvokeConfigs.getOrDefault(name, AsyncInvokeConfig.DEFAULT);
        return new AsyncInvokeConfig(config.maximumRetryAttempts(), config.maximumEventAge(), config.onSuccess(),
                config.onFailure(), deadLetterQueues.get(name));
    }

    private void requireFunction(String name) {
        if (!handlers.containsKey(name)) {
            throw new IllegalArgumentException("no Lambda function " + name);
        }
    }

    /**
     * The function's name when {@code reference} names a registered function, unqualified or qualified with
     * $LATEST (the only version) or one of its aliases.
     */
    public Optional<String> resolve(String reference) {
        Matcher m = FUNCTION_REFERENCE.matcher(reference);
        if (!m.matches() || !handlers.containsKey(m.group(1))) {
            return Optional.empty();
        }
        String qualifier = m.group(2);
        boolean known = qualifier == null || LATEST.equals(qualifier)
                || aliases.getOrDefault(m.group(1), java.util.Set.of()).contains(qualifier);
        return known ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The qualifier a reference names ({@code live} of {@code name:live}), or {@code $LATEST} when none. */
    public static String qualifier(String reference) {
        Matcher m = FUNCTION_REFERENCE.matcher(reference);
        return m.matches() && m.group(2) != null ? m.group(2) : LATEST;
    }

    public List<String> names() {
        return List.copyOf(handlers.keySet());
    }

    public String arn(String name) {
        return "arn:aws:lambda:" + region + ":" + LocalAccount.ACCOUNT_ID + ":function:" + name;
    }

    /**
     * Runs the function now on the calling thread. A failure of the function is a normal result, as on AWS.
     *
     * @throws IllegalArgumentException when no registered function has this name
     */
    public Invocation invoke(String name, byte[] payload) {
        LambdaHandler handler = handlers.get(name);
        if (handler == null) {
            throw new IllegalArgumentException("no Lambda function " + name);
        }
        try {
            byte[] out = handler.handle(payload);
            return new Invocation(out == null ? "null".getBytes(StandardCharsets.UTF_8) : out, null);
        } catch (FunctionError e) {
            return unhandled(e.errorType(), e.getMessage(), e.frames());
        } catch (RuntimeException e) {
            return unhandled(e.getClass().getName(), e.getMessage(),
                    Arrays.stream(e.getStackTrace()).map(StackTraceElement::toString).toList());
        }
    }

    private static Invocation unhandled(String type, String message, List<String> frames) {
        ObjectNode body = JSON.createObjectNode();
        body.put("errorMessage", message);
        body.put("errorType", type);
        ArrayNode trace = body.putArray("stackTrace");
        frames.forEach(trace::add);
        return new Invocation(body.toString().getBytes(StandardCharsets.UTF_8), "Unhandled");
    }
}
