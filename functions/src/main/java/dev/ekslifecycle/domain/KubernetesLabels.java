package dev.ekslifecycle.domain;

import java.util.Map;
import java.util.regex.Pattern;

/** Kubernetes' syntax for label keys and values (also used by taints and namespace names). */
final class KubernetesLabels {

    private static final Pattern NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern DNS_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    private KubernetesLabels() {
    }

    /** The reason a label key is invalid, or null: {@code [prefix/]name}, prefix a DNS subdomain. */
    static String keyProblem(String key) {
        int slash = key.lastIndexOf('/');
        String prefix = slash < 0 ? null : key.substring(0, slash);
        String name = key.substring(slash + 1);
        if (prefix != null && (prefix.length() > 253 || !DNS_SUBDOMAIN.matcher(prefix).matches())) {
            return "must have a DNS subdomain of at most 253 characters before the '/'";
        }
        if (name.length() > 63 || !NAME.matcher(name).matches()) {
            return "must be a label name: at most 63 letters, digits, '-', '_' or '.', starting and ending"
                    + " with a letter or digit";
        }
        return null;
    }

    /** The reason a label value is invalid, or null; an empty value is allowed. */
    static String valueProblem(String value) {
        if (value.isEmpty()) {
            return null;
        }
        return value.length() <= 63 && NAME.matcher(value).matches() ? null
                : "must be at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit";
    }

    static boolean isNamespace(String name) {
        return name.length() <= 63 && DNS_LABEL.matcher(name).matches();
    }

    /** Checks a label map: keys and values, at most {@code maxEntries} of them. */
    static void check(Checks checks, FieldPath path, Map<String, String> labels, int maxEntries) {
        checks.count(path, labels, maxEntries);
        labels.forEach((key, value) -> {
            FieldPath at = path.key(key);
            String problem = keyProblem(key);
            if (problem == null && checks.required(at, value)) {
                problem = valueProblem(value);
            }
            if (problem != null) {
                checks.report(at, problem);
            }
        });
    }
}
