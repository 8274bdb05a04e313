package dev.ekslifecycle.local.eks.api;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One EKS operation on the wire: HTTP method, path template (as a pattern with named labels), handler. */
record Route(String method, Pattern path, String operation, Function<EksCall, Object> handler) {

    static Route of(String method, String template, String operation, Function<EksCall, Object> handler) {
        String regex = template.replaceAll("\\{(\\w+)\\+}", "(?<$1>.+)").replaceAll("\\{(\\w+)}", "(?<$1>[^/]+)");
        return new Route(method, Pattern.compile(regex), operation, handler);
    }

    /** The path labels when this route serves {@code method path}, else null. */
    Matcher match(String requestMethod, String requestPath) {
        if (!method.equals(requestMethod)) {
            return null;
        }
        Matcher m = path.matcher(requestPath);
        return m.matches() ? m : null;
    }

    boolean hasClusterLabel() {
        return path.pattern().contains("(?<name>");
    }
}
