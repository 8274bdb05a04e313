package dev.ekslifecycle.local.sqs;

import java.nio.charset.StandardCharsets;

/**
 * A message attribute: a data type ({@code String}, {@code Number} or {@code Binary}, optionally with a custom
 * label such as {@code Number.int}) and a string or binary value.
 */
public record MessageAttribute(String dataType, String stringValue, byte[] binaryValue) {

    public static MessageAttribute string(String value) {
        return new MessageAttribute("String", value, null);
    }

    public static MessageAttribute number(long value) {
        return new MessageAttribute("Number", Long.toString(value), null);
    }

    boolean binary() {
        return dataType.startsWith("Binary");
    }

    /** What counts towards the message size: name, type and value. */
    int size(String name) {
        int value = binary() ? binaryValue.length : stringValue.getBytes(StandardCharsets.UTF_8).length;
        return name.getBytes(StandardCharsets.UTF_8).length + dataType.getBytes(StandardCharsets.UTF_8).length + value;
    }
}
