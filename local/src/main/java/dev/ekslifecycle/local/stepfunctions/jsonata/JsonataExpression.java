package dev.ekslifecycle.local.stepfunctions.jsonata;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ekslifecycle.local.stepfunctions.errors.ErrorNames;
import dev.ekslifecycle.local.stepfunctions.errors.StatesError;
import dev.ekslifecycle.local.stepfunctions.json.Json;
import dev.ekslifecycle.local.stepfunctions.paths.InvalidPathException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One {@code {% ... %}} expression, compiled once. Besides standard JSONata it offers the functions Step Functions
 * adds ({@code $partition}, {@code $range}, {@code $hash}, {@code $random}, {@code $uuid}, {@code $parse}) and
 * takes {@code $now()}/{@code $millis()} from the simulation clock.
 */
public final class JsonataExpression {

    private final String source;
    private final Jsonata compiled;

    private JsonataExpression(String source, Jsonata compiled) {
        this.source = source;
        this.compiled = compiled;
    }

    /** True when {@code text} is a whole {@code {% ... %}} expression. */
    public static boolean isExpression(String text) {
        String t = text.strip();
        return t.startsWith("{%") && t.endsWith("%}") && t.length() >= 4;
    }

    /** Compiles the expression inside {@code {% ... %}}; a syntax error becomes an {@link InvalidPathException}. */
    public static JsonataExpression compile(String text) {
        String t = text.strip();
        String body = t.substring(2, t.length() - 2).strip();
        if (body.isEmpty()) {
            throw new InvalidPathException("the JSONata expression '" + text + "' is empty");
        }
        try {
            return new JsonataExpression(body, Jsonata.jsonata(body));
        } catch (JException | IllegalArgumentException e) {
            throw new InvalidPathException("invalid JSONata expression '" + body + "': " + e.getMessage());
        }
    }

    /**
     * Evaluates the expression; null means JSONata's "undefined".
     *
     * @throws StatesError {@code States.QueryEvaluationError} when evaluation fails
     */
    public JsonNode evaluate(JsonataBindings bindings) {
        Map<String, Object> states = new LinkedHashMap<>();
        states.put("input", JavaValues.fromJson(bindings.input()));
        states.put("context", JavaValues.fromJson(bindings.context()));
        if (bindings.result() != null) {
            states.put("result", JavaValues.fromJson(bindings.result()));
        }
        if (bindings.errorOutput() != null) {
            states.put("errorOutput", JavaValues.fromJson(bindings.errorOutput()));
        }
        long millis = bindings.now().toEpochMilli();
        // the compiled expression keeps per-evaluation fields, so one evaluation at a time per expression
        synchronized (compiled) {
            Jsonata.Frame frame = compiled.createFrame();
            bindings.variables().forEach((name, value) -> frame.bind(name, JavaValues.fromJson(value)));
            frame.bind("states", states);
            frame.bind("now", Jsonata.function("now", () -> bindings.now().toString(), "<:s>"));
            frame.bind("millis", Jsonata.function("millis", () -> millis, "<:n>"));
            bindStepFunctionsExtras(frame);
            try {
                return JavaValues.toJson(compiled.evaluate(null, frame));
            } catch (JException | ClassCastException | IllegalArgumentException | UnsupportedOperationException e) {
                throw new StatesError(ErrorNames.QUERY_EVALUATION_ERROR, "An error occurred while evaluating the "
                        + "JSONata expression '" + source + "': " + e.getMessage());
            }
        }
    }

    private static void bindStepFunctionsExtras(Jsonata.Frame frame) {
        frame.bind("uuid", Jsonata.function("uuid", () -> UUID.randomUUID().toString(), "<:s>"));
        frame.bind("parse", Jsonata.function("parse", (String s) -> JavaValues.fromJson(Json.parse(s)), "<s:x>"));
        frame.bind("partition", Jsonata.function("partition", (List<?> items, Number size) -> {
            List<Object> out = new ArrayList<>();
            int n = size.intValue();
            if (n <= 0) {
                throw new IllegalArgumentException("$partition: the size must be greater than 0");
            }
            for (int i = 0; i < items.size(); i += n) {
                out.add(new ArrayList<>(items.subList(i, Math.min(items.size(), i + n))));
            }
            return out;
        }, "<an:a>"));
        frame.bind("range", Jsonata.function("range", (Number start, Number end, Number step) -> {
            List<Object> out = new ArrayList<>();
            long s = step.longValue();
            if (s == 0) {
                throw new IllegalArgumentException("$range: the step must not be 0");
            }
            for (long i = start.longValue(); s > 0 ? i <= end.longValue() : i >= end.longValue(); i += s) {
                out.add(i);
            }
            return out;
        }, "<nnn:a>"));
        frame.bind("hash", Jsonata.function("hash", (Object data, String algorithm) -> {
            try {
                String text = data instanceof String s ? s : Json.write(Json.MAPPER.valueToTree(data));
                byte[] digest = MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(digest);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalArgumentException("$hash: unknown algorithm " + algorithm);
            }
        }, "<xs:s>"));
        frame.bind("random", Jsonata.function("random", (Number seed) -> seed == null
                ? ThreadLocalRandom.current().nextDouble() : new Random(seed.longValue()).nextDouble(), "<n?:n>"));
    }

    @Override
    public String toString() {
        return "{% " + source + " %}";
    }
}
