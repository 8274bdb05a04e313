package dev.ekslifecycle.local.stepfunctions.paths;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ekslifecycle.local.stepfunctions.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed intrinsic function call such as {@code States.Format('Hello {}', $.name)}. Arguments are string, number,
 * boolean and null literals, paths ({@code $.x}, {@code $$.x}, {@code $var}) and nested calls.
 */
public final class IntrinsicCall {

    private final String text;
    private final IntrinsicFunction function;
    private final List<Argument> arguments;

    private IntrinsicCall(String text, IntrinsicFunction function, List<Argument> arguments) {
        this.text = text;
        this.function = function;
        this.arguments = arguments;
    }

    /** True when {@code text} is meant as an intrinsic call. */
    public static boolean looksLikeCall(String text) {
        return text.startsWith("States.");
    }

    /** Parses a call, checking the function exists and gets an acceptable number of arguments. */
    public static IntrinsicCall parse(String text) {
        Reader reader = new Reader(text);
        IntrinsicCall call = reader.call();
        reader.skip();
        if (reader.pos != text.length()) {
            throw reader.fail("unexpected text after the call");
        }
        return call;
    }

    public JsonNode evaluate(PathScope scope) {
        List<JsonNode> values = new ArrayList<>(arguments.size());
        for (Argument a : arguments) {
            values.add(a.value(scope));
        }
        return function.apply(values);
    }

    @Override
    public String toString() {
        return text;
    }

    interface Argument {
        JsonNode value(PathScope scope);
    }

    private static final class Reader {
        private final String text;
        private int pos;

        Reader(String text) {
            this.text = text;
        }

        IntrinsicCall call() {
            skip();
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
                pos++;
            }
            String name = text.substring(start, pos);
            IntrinsicFunction function = IntrinsicFunction.named(name)
                    .orElseThrow(() -> fail("unknown intrinsic function '" + name + "'"));
            skip();
            if (!take('(')) {
                throw fail("expected '(' after " + name);
            }
            List<Argument> arguments = new ArrayList<>();
            skip();
            if (!take(')')) {
                do {
                    arguments.add(argument());
                    skip();
                } while (take(','));
                if (!take(')')) {
                    throw fail("expected ',' or ')'");
                }
            }
            function.checkArity(arguments.size(), name);
            return new IntrinsicCall(text.substring(start, pos), function, arguments);
        }

        private Argument argument() {
            skip();
            if (pos >= text.length()) {
                throw fail("an argument is missing");
            }
            char c = text.charAt(pos);
            if (c == '\'') {
                JsonNode literal = Json.NODES.textNode(quoted());
                return scope -> literal;
            }
            if (c == '$') {
                int start = pos;
                int depth = 0;
                char quote = 0;
                while (pos < text.length()) {
                    char d = text.charAt(pos);
                    if (quote != 0) {
                        if (d == quote) {
                            quote = 0;
                        }
                    } else if (d == '\'' || d == '"') {
                        quote = d;
                    } else if (d == '[' || d == '(') {
                        depth++;
                    } else if (d == ']' || d == ')') {
                        if (depth == 0) {
                            break;
                        }
                        depth--;
                    } else if ((d == ',' || d == ' ') && depth == 0) {
                        break;
                    }
                    pos++;
                }
                ValuePath path = ValuePath.compile(text.substring(start, pos));
                return scope -> {
                    JsonNode value = path.select(scope);
                    if (value == null) {
                        throw dev.ekslifecycle.local.stepfunctions.errors.StatesError.runtime("The JSONPath '" + path
                                + "' could not be found in the input");
                    }
                    return value;
                };
            }
            if (text.startsWith("States.", pos)) {
                IntrinsicCall nested = call();
                return nested::evaluate;
            }
            int start = pos;
            while (pos < text.length() && text.charAt(pos) != ',' && text.charAt(pos) != ')') {
                pos++;
            }
            String token = text.substring(start, pos).trim();
            if (token.isEmpty()) {
                throw fail("an argument is missing");
            }
            JsonNode literal;
            try {
                literal = Json.parse(token);
            } catch (IllegalArgumentException e) {
                throw fail("invalid argument '" + token + "'");
            }
            if (literal.isContainerNode()) {
                throw fail("invalid argument '" + token + "'");
            }
            return scope -> literal;
        }

        /** A single-quoted string; {@code \'}, {@code \{}, {@code \}} and {@code \\} escape. */
        private String quoted() {
            pos++;
            StringBuilder b = new StringBuilder();
            while (pos < text.length() && text.charAt(pos) != '\'') {
                char c = text.charAt(pos++);
                if (c == '\\' && pos < text.length()) {
                    char next = text.charAt(pos++);
                    if (next == '{' || next == '}') {
                        b.append('\\');
                    }
                    b.append(next);
                } else {
                    b.append(c);
                }
            }
            if (!take('\'')) {
                throw fail("unclosed string");
            }
            return b.toString();
        }

        boolean take(char c) {
            if (pos < text.length() && text.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        void skip() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        InvalidPathException fail(String problem) {
            return new InvalidPathException("invalid intrinsic function call '" + text + "': " + problem
                    + " at position " + pos);
        }
    }
}
