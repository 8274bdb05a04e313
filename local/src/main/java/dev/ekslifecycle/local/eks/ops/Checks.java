package dev.ekslifecycle.local.eks.ops;

import java.util.Collection;
import java.util.regex.Pattern;

/** Parameter checks shared by the operations, with EKS's wording. */
final class Checks {

    private static final Pattern NAME = Pattern.compile("[0-9A-Za-z][A-Za-z0-9\\-_]{0,99}");

    private Checks() {
    }

    static String required(String value, String member) {
        if (value == null || value.isBlank()) {
            throw EksError.invalidParameter(member + " is required");
        }
        return value;
    }

    static <T extends Collection<?>> T requiredNonEmpty(T value, String member) {
        if (value == null || value.isEmpty()) {
            throw EksError.invalidParameter(member + " must not be empty");
        }
        return value;
    }

    /** Cluster, node group and profile names: a letter or digit, then letters, digits, - and _, at most 100. */
    static String name(String value, String member) {
        required(value, member);
        if (!NAME.matcher(value).matches()) {
            throw EksError.invalidParameter("The " + member + " '" + value + "' is invalid: it must start with a "
                    + "letter or digit and contain only letters, digits, hyphens and underscores (at most 100)");
        }
        return value;
    }

    static void oneOf(String value, String member, Collection<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            throw EksError.invalidParameter(member + " '" + value + "' is invalid; valid values: " + allowed);
        }
    }
}
