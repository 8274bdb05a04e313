package dev.ekslifecycle.tests.template;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The resource side of least privilege: which template resources a grant or a wiring names (through {@code Ref},
 * {@code Fn::GetAtt} and {@code Fn::Sub}), and which {@code Resource: "*"} lines of the template text carry no
 * comment saying why. Comments are not part of the parsed template, so that check reads the text.
 */
final class ResourceScoping {

    private static final Pattern SUB_REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9]+)(?:\\.[A-Za-z0-9.]+)?}");
    private static final Pattern WILDCARD = Pattern.compile("^(\\s*)Resource:\\s*[\"']\\*[\"']\\s*(#.*)?$");
    private static final Pattern LIST_ITEM = Pattern.compile("^(\\s*)- ");
    private static final Pattern ACTION = Pattern.compile("^\\s*Action:\\s*(.*)$");

    private ResourceScoping() {
    }

    /** The logical ids of the template resources that {@code node} refers to (pseudo parameters left out). */
    @SuppressWarnings("unchecked")
    static Set<String> references(Object node) {
        Set<String> found = new LinkedHashSet<>();
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if ("Ref".equals(key) && value instanceof String ref) {
                    found.add(ref.split("\\.")[0]);
                } else if ("Fn::GetAtt".equals(key) && value instanceof List<?> getAtt) {
                    found.add((String) getAtt.get(0));
                } else if ("Fn::Sub".equals(key)) {
                    Object text = value instanceof List<?> withVariables ? withVariables.get(0) : value;
                    Matcher m = SUB_REFERENCE.matcher((String) text);
                    while (m.find()) {
                        found.add(m.group(1));
                    }
                    if (value instanceof List<?> withVariables && withVariables.size() > 1) {
                        found.addAll(references(withVariables.get(1)));
                    }
                } else {
                    found.addAll(references(value));
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> found.addAll(references(item)));
        }
        found.removeIf(id -> id.startsWith("AWS::") || id.equals("AWS"));
        return found;
    }

    /**
     * Each {@code Resource: "*"} of the template text whose statement has no comment right above it (or above the
     * {@code Statement:} that holds it): line number and the statement's actions.
     */
    static List<String> unexplainedWildcards(String templateText) {
        List<String> lines = List.of(templateText.split("\n", -1));
        List<String> unexplained = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher wildcard = WILDCARD.matcher(lines.get(i));
            if (!wildcard.matches()) {
                continue;
            }
            int start = statementStart(lines, i, wildcard.group(1).length());
            if (start < 0 || !commented(lines, start)) {
                unexplained.add("line " + (i + 1) + ": Resource \"*\" for " + actions(lines, start, i)
                        + " without a comment saying why");
            }
        }
        return unexplained;
    }

    /** The line of the list item ({@code - Sid: ...}) that the property at {@code line} belongs to. */
    private static int statementStart(List<String> lines, int line, int indent) {
        for (int i = line; i >= 0; i--) {
            Matcher item = LIST_ITEM.matcher(lines.get(i));
            if (item.find() && item.group(1).length() + 2 == indent) {
                return i;
            }
            if (!lines.get(i).isBlank() && leading(lines.get(i)) < indent - 2) {
                return -1;
            }
        }
        return -1;
    }

    private static boolean commented(List<String> lines, int statement) {
        String above = statement > 0 ? lines.get(statement - 1).trim() : "";
        if (above.startsWith("#")) {
            return true;
        }
        // The first statement of a list: the comment may stand above "- Statement:".
        return (above.equals("- Statement:") || above.equals("Statement:")) && statement > 1
                && lines.get(statement - 2).trim().startsWith("#");
    }

    private static String actions(List<String> lines, int from, int to) {
        for (int i = from; i >= 0 && i <= to; i++) {
            Matcher action = ACTION.matcher(lines.get(i));
            if (action.matches()) {
                return action.group(1).trim();
            }
        }
        return "(unknown actions)";
    }

    private static int leading(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }
}
