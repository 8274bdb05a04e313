package dev.ekslifecycle.local.stepfunctions.paths;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.stepfunctions.errors.StatesError;
import dev.ekslifecycle.local.stepfunctions.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/** The eighteen intrinsic functions of the Amazon States Language, as the developer guide defines them. */
enum IntrinsicFunction {
    FORMAT("States.Format", 1, Integer.MAX_VALUE, IntrinsicFunction::format),
    STRING_TO_JSON("States.StringToJson", 1, 1, a -> {
        try {
            return Json.parse(text(a, 0));
        } catch (IllegalArgumentException e) {
            throw StatesError.intrinsic("States.StringToJson: the argument is not valid JSON: " + e.getMessage());
        }
    }),
    JSON_TO_STRING("States.JsonToString", 1, 1, a -> Json.NODES.textNode(Json.write(a.get(0)))),
    ARRAY("States.Array", 0, Integer.MAX_VALUE, a -> {
        ArrayNode out = Json.array();
        out.addAll(a);
        return out;
    }),
    ARRAY_PARTITION("States.ArrayPartition", 2, 2, a -> {
        ArrayNode array = array(a, 0);
        int size = integer(a, 1);
        if (size <= 0) {
            throw StatesError.intrinsic("States.ArrayPartition: the chunk size must be greater than 0");
        }
        ArrayNode out = Json.array();
        for (int i = 0; i < array.size(); i += size) {
            ArrayNode chunk = out.addArray();
            for (int j = i; j < Math.min(i + size, array.size()); j++) {
                chunk.add(array.get(j));
            }
        }
        return out;
    }),
    ARRAY_CONTAINS("States.ArrayContains", 2, 2, a -> {
        for (JsonNode element : array(a, 0)) {
            if (element.equals(a.get(1))) {
                return Json.NODES.booleanNode(true);
            }
        }
        return Json.NODES.booleanNode(false);
    }),
    ARRAY_RANGE("States.ArrayRange", 3, 3, a -> {
        int start = integer(a, 0);
        int end = integer(a, 1);
        int step = integer(a, 2);
        if (step == 0) {
            throw StatesError.intrinsic("States.ArrayRange: the step must not be 0");
        }
        ArrayNode out = Json.array();
        for (long i = start; step > 0 ? i <= end : i >= end; i += step) {
            if (out.size() == 1000) {
                throw StatesError.intrinsic("States.ArrayRange: the result would have more than 1000 items");
            }
            out.add(Json.integer(i));
        }
        return out;
    }),
    ARRAY_GET_ITEM("States.ArrayGetItem", 2, 2, a -> {
        ArrayNode array = array(a, 0);
        int index = integer(a, 1);
        if (index < 0 || index >= array.size()) {
            throw StatesError.intrinsic("States.ArrayGetItem: index " + index + " is out of bounds of an array of "
                    + array.size());
        }
        return array.get(index);
    }),
    ARRAY_LENGTH("States.ArrayLength", 1, 1, a -> Json.NODES.numberNode(array(a, 0).size())),
    ARRAY_UNIQUE("States.ArrayUnique", 1, 1, a -> {
        Set<JsonNode> seen = new LinkedHashSet<>();
        array(a, 0).forEach(seen::add);
        ArrayNode out = Json.array();
        out.addAll(seen);
        return out;
    }),
    BASE64_ENCODE("States.Base64Encode", 1, 1, a -> {
        String s = limited(text(a, 0), "States.Base64Encode");
        return Json.NODES.textNode(Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)));
    }),
    BASE64_DECODE("States.Base64Decode", 1, 1, a -> {
        String s = limited(text(a, 0), "States.Base64Decode");
        try {
            return Json.NODES.textNode(new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw StatesError.intrinsic("States.Base64Decode: the argument is not Base64: " + e.getMessage());
        }
    }),
    HASH("States.Hash", 2, 2, IntrinsicFunction::hash),
    JSON_MERGE("States.JsonMerge", 3, 3, a -> {
        if (!a.get(0).isObject() || !a.get(1).isObject()) {
            throw StatesError.intrinsic("States.JsonMerge: both arguments to merge must be objects");
        }
        if (!a.get(2).isBoolean() || a.get(2).booleanValue()) {
            throw StatesError.intrinsic("States.JsonMerge: only a shallow merge (false) is supported");
        }
        ObjectNode out = Json.shallowCopy((ObjectNode) a.get(0));
        out.setAll((ObjectNode) a.get(1));
        return out;
    }),
    MATH_RANDOM("States.MathRandom", 2, 3, a -> {
        int start = integer(a, 0);
        int end = integer(a, 1);
        if (end <= start) {
            throw StatesError.intrinsic("States.MathRandom: the end must be greater than the start");
        }
        Random random = a.size() == 3 ? new Random(integer(a, 2)) : ThreadLocalRandom.current();
        return Json.NODES.numberNode(start + random.nextInt(end - start));
    }),
    MATH_ADD("States.MathAdd", 2, 2, a -> Json.integer((long) integer(a, 0) + integer(a, 1))),
    STRING_SPLIT("States.StringSplit", 2, 2, a -> {
        String s = text(a, 0);
        String delimiters = text(a, 1);
        ArrayNode out = Json.array();
        StringBuilder token = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (delimiters.indexOf(c) >= 0) {
                if (token.length() > 0) {
                    out.add(token.toString());
                }
                token.setLength(0);
            } else {
                token.append(c);
            }
        }
        if (token.length() > 0) {
            out.add(token.toString());
        }
        return out;
    }),
    UUID_V4("States.UUID", 0, 0, a -> Json.NODES.textNode(UUID.randomUUID().toString()));

    private static final Map<String, IntrinsicFunction> BY_NAME = java.util.Arrays.stream(values())
            .collect(java.util.stream.Collectors.toUnmodifiableMap(f -> f.functionName, f -> f));
    private static final Map<String, String> DIGESTS = Map.of("MD5", "MD5", "SHA-1", "SHA-1", "SHA-256", "SHA-256",
            "SHA-384", "SHA-384", "SHA-512", "SHA-512");

    private final String functionName;
    private final int minArgs;
    private final int maxArgs;
    private final Function<List<JsonNode>, JsonNode> body;

    IntrinsicFunction(String functionName, int minArgs, int maxArgs, Function<List<JsonNode>, JsonNode> body) {
        this.functionName = functionName;
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
        this.body = body;
    }

    static Optional<IntrinsicFunction> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    void checkArity(int count, String name) {
        if (count < minArgs || count > maxArgs) {
            String expected = minArgs == maxArgs ? String.valueOf(minArgs)
                    : maxArgs == Integer.MAX_VALUE ? "at least " + minArgs : minArgs + " to " + maxArgs;
            throw new InvalidPathException(name + " takes " + expected + " arguments, not " + count);
        }
    }

    JsonNode apply(List<JsonNode> arguments) {
        return body.apply(arguments);
    }

    private static JsonNode format(List<JsonNode> a) {
        String template = text(a, 0);
        StringBuilder out = new StringBuilder();
        int next = 1;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '\\' && i + 1 < template.length()) {
                out.append(template.charAt(++i));
            } else if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
                if (next >= a.size()) {
                    throw StatesError.intrinsic("States.Format: the template has more placeholders than arguments");
                }
                JsonNode value = a.get(next++);
                if (value.isContainerNode()) {
                    throw StatesError.intrinsic("States.Format: an argument for a placeholder must be a string, "
                            + "a number, a boolean or null");
                }
                out.append(value.isTextual() ? value.textValue() : value.toString());
                i++;
            } else {
                out.append(c);
            }
        }
        if (next != a.size()) {
            throw StatesError.intrinsic("States.Format: the template has fewer placeholders than arguments");
        }
        return Json.NODES.textNode(out.toString());
    }

    private static JsonNode hash(List<JsonNode> a) {
        JsonNode data = a.get(0);
        String input = data.isTextual() ? data.textValue() : Json.write(data);
        String algorithm = DIGESTS.get(text(a, 1));
        if (algorithm == null) {
            throw StatesError.intrinsic("States.Hash: the algorithm must be one of " + DIGESTS.keySet());
        }
        try {
            byte[] digest = MessageDigest.getInstance(algorithm).digest(limited(input, "States.Hash")
                    .getBytes(StandardCharsets.UTF_8));
            return Json.NODES.textNode(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks " + algorithm, e);
        }
    }

    private static String limited(String s, String function) {
        if (s.length() > 10_000) {
            throw StatesError.intrinsic(function + ": the input is longer than 10000 characters");
        }
        return s;
    }

    private static String text(List<JsonNode> a, int i) {
        if (!a.get(i).isTextual()) {
            throw StatesError.intrinsic("argument " + (i + 1) + " must be a string, not " + a.get(i));
        }
        return a.get(i).textValue();
    }

    private static ArrayNode array(List<JsonNode> a, int i) {
        if (!a.get(i).isArray()) {
            throw StatesError.intrinsic("argument " + (i + 1) + " must be an array");
        }
        return (ArrayNode) a.get(i);
    }

    private static int integer(List<JsonNode> a, int i) {
        JsonNode n = a.get(i);
        if (!n.isNumber() || !n.canConvertToExactIntegral() || !n.canConvertToInt()) {
            throw StatesError.intrinsic("argument " + (i + 1) + " must be an integer, not " + n);
        }
        return n.intValue();
    }
}
