package dev.ekslifecycle.local.stepfunctions.paths;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ekslifecycle.local.stepfunctions.errors.StatesError;
import java.util.Optional;

/**
 * A path that reads a value in JSONPath mode: {@code $.x} reads the input, {@code $$.Execution.Id} the context
 * object and {@code $name.x} the variable {@code name}.
 */
public final class ValuePath {

    private final String text;
    private final String variable;
    private final boolean context;
    private final JsonPath path;
    /** For {@code $$.Member.rest}: the member and the path of the rest in it, read without the whole context. */
    private final String contextMember;
    private final JsonPath inMember;

    private ValuePath(String text, String variable, boolean context, JsonPath path) {
        this.text = text;
        this.variable = variable;
        this.context = context;
        this.path = path;
        String member = null;
        JsonPath rest = null;
        if (context && text.startsWith("$$.")) {
            int end = 3;
            while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
                end++;
            }
            if (end > 3) {
                member = text.substring(3, end);
                rest = JsonPath.compile("$" + text.substring(end));
            }
        }
        this.contextMember = member;
        this.inMember = rest;
    }

    public static ValuePath compile(String text) {
        if (text.startsWith("$$")) {
            return new ValuePath(text, null, true, JsonPath.compile(text.substring(1)));
        }
        if (text.length() > 1 && text.startsWith("$") && isNameStart(text.charAt(1))) {
            int end = 1;
            while (end < text.length() && isNamePart(text.charAt(end))) {
                end++;
            }
            return new ValuePath(text, text.substring(1, end), false, JsonPath.compile("$" + text.substring(end)));
        }
        return new ValuePath(text, null, false, JsonPath.compile(text));
    }

    /** True when {@code text} is meant as a path (as opposed to an intrinsic function call). */
    public static boolean looksLikePath(String text) {
        return text.startsWith("$");
    }

    public String text() {
        return text;
    }

    public JsonPath path() {
        return path;
    }

    /** The selected value, or empty when the path selects nothing. */
    public Optional<JsonNode> find(PathScope scope) {
        return Optional.ofNullable(select(scope));
    }

    /** The selected value, or null when the path selects nothing. */
    public JsonNode select(PathScope scope) {
        JsonNode root;
        if (contextMember != null) {
            JsonNode member = scope.contextMember(contextMember);
            return member == null ? null : inMember.select(member);
        } else if (context) {
            root = scope.context();
        } else if (variable != null) {
            root = scope.variable(variable);
            if (root == null) {
                return null;
            }
        } else {
            root = scope.input();
        }
        return path.select(root);
    }

    /**
     * The selected value.
     *
     * @throws StatesError {@code States.Runtime} naming the path when it selects nothing
     */
    public JsonNode read(PathScope scope, String field) {
        JsonNode value = select(scope);
        if (value == null) {
            throw StatesError.runtime("An error occurred while executing the state. The JSONPath '" + text
                    + "' specified for the field '" + field + "' could not be found in the input");
        }
        return value;
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    @Override
    public String toString() {
        return text;
    }
}
