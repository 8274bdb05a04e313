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

    /** The function's name when {@code reference} names a registered function (and $LATEST, the only version). */
    public Optional<String> resolve(String reference) {
        Matcher m = FUNCTION_REFERENCE.matcher(reference);
        if (!m.matches() || !handlers.containsKey(m.group(1))) {
            return Optional.empty();
        }
        return m.group(2) == null || LATEST.equals(m.group(2)) ? Optional.of(m.group(1)) : Optional.empty();
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
