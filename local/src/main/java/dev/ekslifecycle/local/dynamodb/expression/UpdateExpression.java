package dev.ekslifecycle.local.dynamodb.expression;

import dev.ekslifecycle.local.dynamodb.model.Numbers;
import dev.ekslifecycle.local.dynamodb.model.Value;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A parsed update expression, applied to an item all at once. */
public final class UpdateExpression {

    private final List<UpdateAction> actions;

    UpdateExpression(List<UpdateAction> actions) {
        this.actions = List.copyOf(actions);
    }

    /** The paths the actions write, in order. */
    public List<DocumentPath> paths() {
        return actions.stream().map(UpdateAction::path).toList();
    }

    /** DynamoDB refuses two actions on overlapping or conflicting paths. */
    void requireNoOverlap() {
        List<DocumentPath> paths = paths();
        for (int i = 0; i < paths.size(); i++) {
            for (int j = 0; j < i; j++) {
                PathOverlap.check(ExpressionKind.UPDATE, paths.get(j), paths.get(i));
            }
        }
    }

    /**
     * The item after the update. Every value is computed from {@code old}; then SET, ADD and DELETE apply in
     * order, and REMOVE goes last with higher list indexes first, so each index names an element of the old list.
     */
    public Map<String, Value> apply(Map<String, Value> old) {
        List<Map.Entry<DocumentPath, Value>> writes = new ArrayList<>();
        List<DocumentPath> removals = new ArrayList<>();
        for (UpdateAction a : actions) {
            if (a instanceof UpdateAction.Set s) {
                writes.add(Map.entry(s.path(), s.value().evaluate(old)));
            } else if (a instanceof UpdateAction.Remove r) {
                removals.add(r.path());
            } else if (a instanceof UpdateAction.Add add) {
                writes.add(Map.entry(add.path(), add(PathAccess.get(old, add.path()), add.value())));
            } else if (a instanceof UpdateAction.Delete d) {
                Value current = PathAccess.get(old, d.path());
                Value rest = current == null ? null : delete(current, d.value());
                if (rest != null) {
                    writes.add(Map.entry(d.path(), rest));
                } else if (current != null) {
                    removals.add(d.path());
                }
            }
        }
        Map<String, Value> item = old;
        for (Map.Entry<DocumentPath, Value> w : writes) {
            item = PathAccess.set(item, w.getKey(), w.getValue());
        }
        removals.sort(UpdateExpression::laterIndexFirst);
        for (DocumentPath p : removals) {
            item = PathAccess.remove(item, p);
        }
        return item;
    }

    /** A total order on paths in which, under one parent list, a higher index comes first. */
    private static int laterIndexFirst(DocumentPath a, DocumentPath b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            if (x.equals(y)) {
                continue;
            }
            if (x instanceof Integer xi && y instanceof Integer yi) {
                return Integer.compare(yi, xi);
            }
            if (x instanceof String xs && y instanceof String ys) {
                return xs.compareTo(ys);
            }
            return x instanceof String ? -1 : 1;
        }
        return Integer.compare(a.size(), b.size());
    }

    private static Value add(Value current, Value operand) {
        if (current == null) {
            return operand;
        }
        if (current instanceof Value.N cn && operand instanceof Value.N on) {
            return new Value.N(Numbers.checked(cn.value().add(on.value())));
        }
        if (current.type() != operand.type()) {
            throw SetValue.incorrectType();
        }
        return switch (current.type()) {
            case SS -> new Value.SS(union(((Value.SS) current).values(), ((Value.SS) operand).values()));
            case NS -> new Value.NS(union(((Value.NS) current).values(), ((Value.NS) operand).values()));
            case BS -> new Value.BS(union(((Value.BS) current).values(), ((Value.BS) operand).values()));
            default -> throw SetValue.incorrectType();
        };
    }

    /** The set without the operand's elements, or null when nothing is left (the attribute goes). */
    private static Value delete(Value current, Value operand) {
        if (current.type() != operand.type()) {
            throw SetValue.incorrectType();
        }
        Value rest = switch (current.type()) {
            case SS -> new Value.SS(minus(((Value.SS) current).values(), ((Value.SS) operand).values()));
            case NS -> new Value.NS(minus(((Value.NS) current).values(), ((Value.NS) operand).values()));
            case BS -> new Value.BS(minus(((Value.BS) current).values(), ((Value.BS) operand).values()));
            default -> throw SetValue.incorrectType();
        };
        return Value.setElements(rest).isEmpty() ? null : rest;
    }

    private static <T> Set<T> union(Set<T> a, Set<T> b) {
        Set<T> out = new LinkedHashSet<>(a);
        out.addAll(b);
        return out;
    }

    private static <T> Set<T> minus(Set<T> a, Set<T> b) {
        Set<T> out = new LinkedHashSet<>(a);
        out.removeAll(b);
        return out;
    }
}
