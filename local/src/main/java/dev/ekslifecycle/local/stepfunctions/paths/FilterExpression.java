package dev.ekslifecycle.local.stepfunctions.paths;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ekslifecycle.local.stepfunctions.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The body of a JSONPath filter {@code [?( ... )]}: comparisons of {@code @}-paths with literals or other
 * {@code @}-paths ({@code == != < <= > >=}), bare {@code @}-paths (present and not false), {@code !}, {@code &&},
 * {@code ||} and parentheses.
 */
interface FilterExpression {

    boolean test(JsonNode item);

    static FilterExpression parse(String text) {
        return new Reader(text).parse();
    }

    /** A recursive-descent reader: or := and ('||' and)*, and := unary ('&&' unary)*. */
    final class Reader {
        private final String text;
        private int pos;

        Reader(String text) {
            this.text = text;
        }

        FilterExpression parse() {
            FilterExpression e = or();
            skip();
            if (pos != text.length()) {
                throw new InvalidPathException("invalid filter '" + text + "' at position " + pos);
            }
            return e;
        }

        private FilterExpression or() {
            List<FilterExpression> terms = new ArrayList<>(List.of(and()));
            while (take("||")) {
                terms.add(and());
            }
            return terms.size() == 1 ? terms.get(0) : item -> terms.stream().anyMatch(t -> t.test(item));
        }

        private FilterExpression and() {
            List<FilterExpression> terms = new ArrayList<>(List.of(unary()));
            while (take("&&")) {
                terms.add(unary());
            }
            return terms.size() == 1 ? terms.get(0) : item -> terms.stream().allMatch(t -> t.test(item));
        }

        private FilterExpression unary() {
            if (take("!")) {
                FilterExpression inner = unary();
                return item -> !inner.test(item);
            }
            if (take("(")) {
                FilterExpression inner = or();
                if (!take(")")) {
                    throw new InvalidPathException("invalid filter '" + text + "': expected ')'");
                }
                return inner;
            }
            Operand left = operand();
            for (String op : List.of("==", "!=", "<=", ">=", "<", ">")) {
                if (take(op)) {
                    Operand right = operand();
                    return item -> compare(op, left.value(item), right.value(item));
                }
            }
            return item -> left.value(item).map(v -> !v.isBoolean() || v.booleanValue()).orElse(false);
        }

        private Operand operand() {
            skip();
            if (pos >= text.length()) {
                throw new InvalidPathException("invalid filter '" + text + "': an operand is missing");
            }
            char c = text.charAt(pos);
            if (c == '@') {
                int start = pos;
                pos++;
                while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos))
                        || "._-[]'*$".indexOf(text.charAt(pos)) >= 0)) {
                    pos++;
                }
                JsonPath path = JsonPath.compile("$" + text.substring(start + 1, pos));
                return item -> path.find(item);
            }
            if (c == '\'' || c == '"') {
                int end = text.indexOf(c, pos + 1);
                if (end < 0) {
                    throw new InvalidPathException("invalid filter '" + text + "': unclosed quote");
                }
                JsonNode literal = Json.NODES.textNode(text.substring(pos + 1, end));
                pos = end + 1;
                return item -> Optional.of(literal);
            }
            int start = pos;
            while (pos < text.length() && " )&|=!<>".indexOf(text.charAt(pos)) < 0) {
                pos++;
            }
            JsonNode literal = Json.parse(text.substring(start, pos));
            return item -> Optional.of(literal);
        }

        private static boolean compare(String op, Optional<JsonNode> left, Optional<JsonNode> right) {
            if (left.isEmpty() || right.isEmpty()) {
                return op.equals("!=") && left.isPresent() != right.isPresent();
            }
            JsonNode a = left.get();
            JsonNode b = right.get();
            int order;
            if (a.isNumber() && b.isNumber()) {
                order = a.decimalValue().compareTo(b.decimalValue());
            } else if (a.isTextual() && b.isTextual()) {
                order = a.textValue().compareTo(b.textValue());
            } else {
                boolean equal = a.equals(b);
                return op.equals("==") ? equal : op.equals("!=") && !equal;
            }
            return switch (op) {
                case "==" -> order == 0;
                case "!=" -> order != 0;
                case "<" -> order < 0;
                case "<=" -> order <= 0;
                case ">" -> order > 0;
                default -> order >= 0;
            };
        }

        private boolean take(String token) {
            skip();
            if (text.startsWith(token, pos)) {
                pos += token.length();
                return true;
            }
            return false;
        }

        private void skip() {
            while (pos < text.length() && text.charAt(pos) == ' ') {
                pos++;
            }
        }
    }

    /** One side of a comparison: a path into the item or a literal. */
    interface Operand {
        Optional<JsonNode> value(JsonNode item);
    }
}
