package dev.ekslifecycle.local.dynamodb.expression;

import dev.ekslifecycle.local.dynamodb.model.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A set of document paths to copy out of an item (a ProjectionExpression, or the attributes an update changed).
 * Nested paths keep their structure; several indexes of one list give the selected elements in index order.
 */
public final class Projection {

    private final Node root = new Node();

    public Projection(List<DocumentPath> paths) {
        for (DocumentPath p : paths) {
            Node n = root;
            for (Object e : p.elements()) {
                n = n.children.computeIfAbsent(e, k -> new Node());
            }
            n.whole = true;
        }
    }

    public static Projection parse(String text, ExpressionAttributes attributes) {
        TokenStream in = new TokenStream(text, ExpressionKind.PROJECTION, attributes);
        List<DocumentPath> paths = new ArrayList<>();
        do {
            paths.add(in.path());
        } while (in.accept(Token.Kind.COMMA));
        in.expectEnd();
        for (int i = 0; i < paths.size(); i++) {
            for (int j = 0; j < i; j++) {
                PathOverlap.check(ExpressionKind.PROJECTION, paths.get(j), paths.get(i));
            }
        }
        return new Projection(paths);
    }

    public Map<String, Value> apply(Map<String, Value> item) {
        Map<String, Value> out = new LinkedHashMap<>();
        for (Map.Entry<Object, Node> e : root.children.entrySet()) {
            Value v = item.get((String) e.getKey());
            Value projected = v == null ? null : e.getValue().project(v);
            if (projected != null) {
                out.put((String) e.getKey(), projected);
            }
        }
        return out;
    }

    private static final class Node {
        final Map<Object, Node> children = new TreeMap<>(Node::order);
        boolean whole;

        private static int order(Object a, Object b) {
            if (a instanceof Integer x && b instanceof Integer y) {
                return Integer.compare(x, y);
            }
            if (a instanceof String x && b instanceof String y) {
                return x.compareTo(y);
            }
            return a instanceof String ? -1 : 1;
        }

        Value project(Value v) {
            if (whole) {
                return v;
            }
            if (v instanceof Value.M m) {
                Map<String, Value> out = new LinkedHashMap<>();
                children.forEach((k, child) -> {
                    if (k instanceof String name && m.values().get(name) != null) {
                        Value p = child.project(m.values().get(name));
                        if (p != null) {
                            out.put(name, p);
                        }
                    }
                });
                return out.isEmpty() ? null : new Value.M(out);
            }
            if (v instanceof Value.L l) {
                List<Value> out = new ArrayList<>();
                children.forEach((k, child) -> {
                    if (k instanceof Integer index && index < l.values().size()) {
                        Value p = child.project(l.values().get(index));
                        if (p != null) {
                            out.add(p);
                        }
                    }
                });
                return out.isEmpty() ? null : new Value.L(out);
            }
            return null;
        }
    }
}
