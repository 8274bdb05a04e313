package dev.ekslifecycle.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The value checks the spec rules are made of; each reports into one {@link Problems}. Null values are skipped
 * except by the {@code required} checks, so a missing optional value is never a problem.
 */
final class Checks {

    private static final Pattern ROLE_ARN =
            Pattern.compile("arn:aws(-[a-z]+)*:iam::[0-9]{12}:role/[\\w+=,.@/-]{1,512}");
    private static final String ROLE_RULE = "must be an IAM role ARN such as arn:aws:iam::123456789012:role/NAME";
    private static final Pattern NAME = Pattern.compile("[0-9A-Za-z][A-Za-z0-9\\-_]*");
    private static final Pattern SUBNET_ID = Pattern.compile("subnet-([0-9a-f]{8}|[0-9a-f]{17})");

    private final Problems problems;

    Checks(Problems problems) {
        this.problems = problems;
    }

    void report(FieldPath path, String reason) {
        problems.add(path, reason);
    }

    /** Reports a missing value; true when the value is there and can be checked further. */
    boolean required(FieldPath path, Object value) {
        if (value == null) {
            report(path, "is required");
            return false;
        }
        return true;
    }

    void matches(FieldPath path, String value, Pattern pattern, String reason) {
        if (value != null && !pattern.matcher(value).matches()) {
            report(path, reason);
        }
    }

    void requiredMatch(FieldPath path, String value, Pattern pattern, String reason) {
        if (required(path, value)) {
            matches(path, value, pattern, reason);
        }
    }

    void length(FieldPath path, String value, int min, int max) {
        if (value != null && (value.length() < min || value.length() > max)) {
            report(path, min == 0 ? "must be at most " + max + " characters"
                    : "must be " + min + " to " + max + " characters");
        }
    }

    void range(FieldPath path, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            report(path, "must be between " + min + " and " + max);
        }
    }

    void roleArn(FieldPath path, String value) {
        matches(path, value, ROLE_ARN, ROLE_RULE);
    }

    /** A required EKS resource name (cluster, node group, Fargate profile): EKS's syntax, up to maxLength. */
    void resourceName(FieldPath path, String value, int maxLength) {
        if (required(path, value)) {
            length(path, value, 1, maxLength);
            matches(path, value, NAME, "must start with a letter or digit and contain only letters, digits, '-'"
                    + " and '_'");
        }
    }

    void requiredRoleArn(FieldPath path, String value) {
        requiredMatch(path, value, ROLE_ARN, ROLE_RULE);
    }

    void subnetId(FieldPath path, String value) {
        matches(path, value, SUBNET_ID, "must be a subnet ID such as subnet-0123456789abcdef0");
    }

    void oneOf(FieldPath path, String value, Set<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            report(path, "must be one of " + String.join(", ", new TreeSet<>(allowed)));
        }
    }

    void count(FieldPath path, List<?> values, int min, int max) {
        if (values.size() < min) {
            report(path, min == 1 ? "must not be empty" : "must have at least " + min + " entries");
        } else if (values.size() > max) {
            report(path, "must have at most " + max + " entries");
        }
    }

    void count(FieldPath path, Map<?, ?> values, int max) {
        if (values.size() > max) {
            report(path, "must have at most " + max + " entries");
        }
    }

    /** Checks every element of a list: present, then as {@code each} says. */
    <T> void eachElement(FieldPath listPath, List<T> values, BiConsumer<FieldPath, T> each) {
        for (int i = 0; i < values.size(); i++) {
            if (required(listPath.index(i), values.get(i))) {
                each.accept(listPath.index(i), values.get(i));
            }
        }
    }

    /** Checks every element of a list of strings: present, then as {@code each} says. */
    void eachString(FieldPath listPath, List<String> values, ElementCheck each) {
        eachElement(listPath, values, each::check);
        unique(listPath, values, Function.identity(), null);
    }

    /**
     * Reports each element whose key (a field named {@code keyField} of it, or the element itself when null)
     * repeats an earlier one, naming the first.
     */
    <T> void unique(FieldPath listPath, List<T> values, Function<T, String> key, String keyField) {
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            String k = values.get(i) == null ? null : key.apply(values.get(i));
            if (k == null) {
                continue;
            }
            Integer earlier = first.putIfAbsent(k, i);
            if (earlier != null) {
                FieldPath here = keyField == null ? listPath.index(i) : listPath.index(i).field(keyField);
                FieldPath there = keyField == null ? listPath.index(earlier) : listPath.index(earlier).field(keyField);
                report(here, "duplicates " + there);
            }
        }
    }

    /** A check of one present value at its path. */
    @FunctionalInterface
    interface ElementCheck {
        void check(FieldPath path, String value);
    }
}
