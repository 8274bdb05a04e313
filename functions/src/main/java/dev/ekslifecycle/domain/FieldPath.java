package dev.ekslifecycle.domain;

import java.util.regex.Pattern;

/**
 * Where a value sits in a JSON document, written the way JavaScript would reach it: {@code nodegroups[1].minSize},
 * {@code tags.team}, {@code labels["kubernetes.io/os"]} (map keys that are not identifiers get brackets). The
 * document itself is {@code $}.
 */
public final class FieldPath {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final FieldPath ROOT = new FieldPath("");

    private final String text;

    private FieldPath(String text) {
        this.text = text;
    }

    public static FieldPath root() {
        return ROOT;
    }

    /** A named field of an object. */
    public FieldPath field(String name) {
        return new FieldPath(text.isEmpty() ? name : text + "." + name);
    }

    /** An element of an array. */
    public FieldPath index(int i) {
        return new FieldPath(text + "[" + i + "]");
    }

    /** An entry of a map-valued field (tags, labels), whose keys are data rather than field names. */
    public FieldPath key(String key) {
        if (IDENTIFIER.matcher(key).matches()) {
            return field(key);
        }
        return new FieldPath(text + "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]");
    }

    @Override
    public String toString() {
        return text.isEmpty() ? "$" : text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldPath other && other.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
