package dev.ekslifecycle.tests.template;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Java source file read as text: its package, simple name, and the bodies of its methods and constructors by
 * name (overloads share a name). The text outside every body (fields and their initialisers) is kept as
 * {@link #outside()}. Parsing is by pattern and brace counting, enough for this project's plain code: string,
 * character and text-block literals are skipped while counting braces.
 */
record JavaSource(String packageName, String simpleName, String text, Map<String, List<String>> methods,
                  String outside) {

    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");
    /** A method or constructor head: modifiers, an optional result type, the name, parameters, throws, brace. */
    private static final Pattern METHOD_HEAD = Pattern.compile("(?m)^[ \\t]+(?:@\\w+\\s+)*"
            + "(?:(?:public|protected|private|static|final|synchronized|default|abstract)\\s+)*"
            + "(?:<[^>]+>\\s+)?(?:([\\w.<>\\[\\]?, ]+?)\\s+)?(\\w+)\\s*\\(([^;{]*?)\\)\\s*"
            + "(?:throws\\s+[\\w., ]+)?\\{");
    private static final List<String> NOT_TYPES = List.of("return", "new", "else", "throw", "case", "yield");

    static JavaSource read(Path file) throws IOException {
        String text = Files.readString(file);
        Matcher pkg = PACKAGE.matcher(text);
        String packageName = pkg.find() ? pkg.group(1) : "";
        String simpleName = file.getFileName().toString().replaceFirst("\\.java$", "");
        Map<String, List<String>> methods = new LinkedHashMap<>();
        StringBuilder outside = new StringBuilder();
        int copiedUpTo = 0;
        Matcher head = METHOD_HEAD.matcher(text);
        int from = 0;
        while (from < text.length() && head.find(from)) {
            String type = head.group(1);
            if (type != null && NOT_TYPES.contains(type.trim())) {
                from = head.end();
                continue;
            }
            int open = head.end() - 1;
            int close = closingBrace(text, open);
            methods.computeIfAbsent(head.group(2), n -> new ArrayList<>()).add(text.substring(open, close + 1));
            outside.append(text, copiedUpTo, head.start());
            copiedUpTo = close + 1;
            from = close + 1;
        }
        outside.append(text.substring(copiedUpTo));
        return new JavaSource(packageName, simpleName, text, methods, outside.toString());
    }

    String qualifiedName() {
        return packageName + "." + simpleName;
    }

    /** The index of the brace closing the one at {@code open}, skipping literals and comments. */
    private static int closingBrace(String text, int open) {
        int depth = 0;
        int i = open;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (text.startsWith("\"\"\"", i)) {
                i = text.indexOf("\"\"\"", i + 3) + 3;
                continue;
            }
            if (c == '"' || c == '\'') {
                i = endOfLiteral(text, i, c);
                continue;
            }
            if (text.startsWith("//", i)) {
                i = text.indexOf('\n', i);
                continue;
            }
            if (text.startsWith("/*", i)) {
                i = text.indexOf("*/", i) + 2;
                continue;
            }
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
            i++;
        }
        throw new IllegalStateException("unbalanced braces after offset " + open);
    }

    private static int endOfLiteral(String text, int start, char quote) {
        int i = start + 1;
        while (text.charAt(i) != quote) {
            i += text.charAt(i) == '\\' ? 2 : 1;
        }
        return i + 1;
    }
}
