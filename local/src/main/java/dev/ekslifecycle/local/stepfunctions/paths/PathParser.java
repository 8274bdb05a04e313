package dev.ekslifecycle.local.stepfunctions.paths;

import java.util.ArrayList;
import java.util.List;

/** Reads the text of a {@link JsonPath} into its segments. */
final class PathParser {

    private final String text;
    private int pos;

    PathParser(String text) {
        this.text = text;
    }

    List<JsonPath.Segment> parse() {
        if (text.isEmpty() || text.charAt(0) != '$') {
            throw fail("a path must start with '$'");
        }
        pos = 1;
        List<JsonPath.Segment> segments = new ArrayList<>();
        while (pos < text.length()) {
            segments.add(segment());
        }
        return segments;
    }

    private JsonPath.Segment segment() {
        char c = text.charAt(pos);
        if (c == '.') {
            if (pos + 1 < text.length() && text.charAt(pos + 1) == '.') {
                pos += 2;
                JsonPath.Segment then = pos < text.length() && text.charAt(pos) == '[' ? bracket() : dotName();
                return new JsonPath.DeepScan(then);
            }
            pos++;
            // Jayway also reads "$.['name']" as "$['name']"
            return pos < text.length() && text.charAt(pos) == '[' ? bracket() : dotName();
        }
        if (c == '[') {
            return bracket();
        }
        throw fail("unexpected '" + c + "'");
    }

    private JsonPath.Segment dotName() {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) != '.' && text.charAt(pos) != '[') {
            pos++;
        }
        String name = text.substring(start, pos);
        if (name.isEmpty()) {
            throw fail("a name is missing");
        }
        return name.equals("*") ? new JsonPath.Wildcard() : new JsonPath.Field(name);
    }

    private JsonPath.Segment bracket() {
        pos++;
        skipSpaces();
        if (pos >= text.length()) {
            throw fail("unclosed '['");
        }
        char c = text.charAt(pos);
        JsonPath.Segment segment;
        if (c == '*') {
            pos++;
            segment = new JsonPath.Wildcard();
        } else if (c == '?') {
            segment = new JsonPath.Filter(filter());
        } else if (c == '\'' || c == '"') {
            List<JsonPath.DefiniteSegment> names = new ArrayList<>();
            do {
                skipSpaces();
                names.add(new JsonPath.Field(quoted()));
                skipSpaces();
            } while (consume(','));
            segment = names.size() == 1 ? names.get(0) : new JsonPath.Union(names);
        } else {
            segment = indexOrSlice();
        }
        skipSpaces();
        if (!consume(']')) {
            throw fail("expected ']'");
        }
        return segment;
    }

    private JsonPath.Segment indexOrSlice() {
        Integer first = optionalInt();
        if (consume(':')) {
            Integer end = optionalInt();
            Integer step = consume(':') ? optionalInt() : null;
            return new JsonPath.Slice(first, end, step == null ? 1 : step);
        }
        if (first == null) {
            throw fail("expected an index, a slice, '*', a quoted name or a filter");
        }
        List<JsonPath.DefiniteSegment> indices = new ArrayList<>(List.of(new JsonPath.Index(first)));
        while (consume(',')) {
            Integer next = optionalInt();
            if (next == null) {
                throw fail("expected an index after ','");
            }
            indices.add(new JsonPath.Index(next));
        }
        return indices.size() == 1 ? indices.get(0) : new JsonPath.Union(indices);
    }

    private FilterExpression filter() {
        pos++;
        if (!consume('(')) {
            throw fail("expected '(' after '?'");
        }
        int depth = 1;
        int start = pos;
        char quote = 0;
        while (pos < text.length() && depth > 0) {
            char c = text.charAt(pos);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            pos++;
        }
        if (depth != 0) {
            throw fail("unclosed filter");
        }
        return FilterExpression.parse(text.substring(start, pos - 1));
    }

    private Integer optionalInt() {
        skipSpaces();
        int start = pos;
        if (pos < text.length() && text.charAt(pos) == '-') {
            pos++;
        }
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        skipSpaces();
        String digits = text.substring(start, pos).trim();
        if (digits.isEmpty() || digits.equals("-")) {
            pos = start;
            return null;
        }
        return Integer.parseInt(digits);
    }

    private String quoted() {
        char quote = text.charAt(pos);
        if (quote != '\'' && quote != '"') {
            throw fail("expected a quoted name");
        }
        pos++;
        StringBuilder name = new StringBuilder();
        while (pos < text.length() && text.charAt(pos) != quote) {
            char c = text.charAt(pos++);
            if (c == '\\' && pos < text.length()) {
                c = text.charAt(pos++);
            }
            name.append(c);
        }
        if (!consume(quote)) {
            throw fail("unclosed quote");
        }
        return name.toString();
    }

    private boolean consume(char c) {
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void skipSpaces() {
        while (pos < text.length() && text.charAt(pos) == ' ') {
            pos++;
        }
    }

    private InvalidPathException fail(String problem) {
        return new InvalidPathException("invalid JSONPath '" + text + "': " + problem + " at position " + pos);
    }
}
