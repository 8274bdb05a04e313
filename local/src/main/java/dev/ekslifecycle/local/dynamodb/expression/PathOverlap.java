package dev.ekslifecycle.local.dynamodb.expression;

/** DynamoDB's rule that one update or projection may not name a path and a path inside it (or the same twice). */
final class PathOverlap {

    private PathOverlap() {
    }

    static void check(ExpressionKind kind, DocumentPath first, DocumentPath second) {
        int n = Math.min(first.size(), second.size());
        for (int i = 0; i < n; i++) {
            Object a = first.get(i);
            Object b = second.get(i);
            if (a.equals(b)) {
                continue;
            }
            if (a.getClass() != b.getClass()) {
                throw kind.invalid("Two document paths conflict with each other; must remove or rewrite one of these "
                        + "paths; path one: " + first + ", path two: " + second);
            }
            return;
        }
        throw kind.invalid("Two document paths overlap with each other; must remove or rewrite one of these paths; "
                + "path one: " + first + ", path two: " + second);
    }
}
