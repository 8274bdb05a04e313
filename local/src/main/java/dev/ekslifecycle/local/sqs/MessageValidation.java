package dev.ekslifecycle.local.sqs;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * SendMessage's checks of a body and its attributes against SQS's rules, with SQS's messages, and the character
 * rule SQS holds all text it keeps to (bodies, string attribute values, tags, queue attribute values): exactly the
 * characters an XML document can hold, so whatever is kept can be written into a Query answer.
 */
final class MessageValidation {

    static final String VALID_CHARACTERS = "Valid unicode characters are #x9 | #xA | #xD | #x20 to #xD7FF | "
            + "#xE000 to #xFFFD | #x10000 to #x10FFFF";

    private static final int MAX_ATTRIBUTES = 10;
    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,256}");
    private static final Pattern DATA_TYPE = Pattern.compile("(String|Number|Binary)(\\..{1,250})?");

    private MessageValidation() {
    }

    static void check(String body, Map<String, MessageAttribute> attributes, long maximumSize) throws SqsException {
        if (body == null || body.isEmpty()) {
            throw SqsException.missingParameter("MessageBody");
        }
        if (!allowedText(body)) {
            throw new SqsException("InvalidMessageContents", "InvalidMessageContents", 400,
                    "Invalid characters found. " + VALID_CHARACTERS);
        }
        if (attributes.size() > MAX_ATTRIBUTES) {
            throw SqsException.invalidParameter("Number of message attributes [" + attributes.size()
                    + "] exceeds the allowed maximum [" + MAX_ATTRIBUTES + "].");
        }
        long size = body.getBytes(StandardCharsets.UTF_8).length;
        for (Map.Entry<String, MessageAttribute> e : attributes.entrySet()) {
            checkAttribute(e.getKey(), e.getValue());
            size += e.getValue().size(e.getKey());
        }
        if (size > maximumSize) {
            throw SqsException.invalidParameter("One or more parameters are invalid. Reason: Message must be "
                    + "shorter than " + maximumSize + " bytes.");
        }
    }

    private static void checkAttribute(String name, MessageAttribute a) throws SqsException {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (!ATTRIBUTE_NAME.matcher(name).matches() || lower.startsWith("aws.") || lower.startsWith("amazon.")
                || name.startsWith(".") || name.endsWith(".") || name.contains("..")) {
            throw SqsException.invalidParameter("Message attribute name '" + name + "' is invalid.");
        }
        if (a.dataType() == null || !DATA_TYPE.matcher(a.dataType()).matches()
                || !allowedText(a.dataType())) {
            throw SqsException.invalidParameter("The type of message (user) attribute '" + name
                    + "' is invalid. You must use only the following supported type prefixes: Binary, Number, "
                    + "String.");
        }
        boolean empty = a.binary() ? a.binaryValue() == null || a.binaryValue().length == 0
                : a.stringValue() == null || a.stringValue().isEmpty();
        if (empty) {
            throw SqsException.invalidParameter("Message (user) attribute '" + name + "' must contain a non-empty "
                    + "value of type '" + a.dataType() + "'.");
        }
        if (!a.binary() && !allowedText(a.stringValue())) {
            // SQS holds a string value to the body's rules, so it can always be written into a Query answer
            throw SqsException.invalidParameter("Message (user) attribute '" + name + "' has a value with "
                    + "characters SQS does not allow.");
        }
        if (a.dataType().startsWith("Number")) {
            try {
                new java.math.BigDecimal(a.stringValue());
            } catch (NumberFormatException e) {
                throw SqsException.invalidParameter("Can't cast the value of message (user) attribute '" + name
                        + "' to a number.");
            }
        }
    }

    /**
     * Refuses tags with a key or value holding characters SQS does not allow, before any is kept; the message does
     * not repeat them, so even the error can be written as XML.
     */
    static void checkTags(Map<String, String> tags) throws SqsException {
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            if (!allowedText(tag.getKey()) || !allowedText(tag.getValue())) {
                throw SqsException.invalidParameter("A tag key or value holds characters SQS does not allow. "
                        + VALID_CHARACTERS);
            }
        }
    }

    /** True when every character of {@code text} is one SQS allows. */
    static boolean allowedText(String text) {
        return text.codePoints().allMatch(MessageValidation::allowed);
    }

    /**
     * {@code text} with each character SQS does not allow replaced by U+FFFD: for error messages, which may repeat
     * a refused value, written into a Query answer.
     */
    static String xmlSafe(String text) {
        if (allowedText(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(allowed(c) ? c : 0xFFFD));
        return out.toString();
    }

    private static boolean allowed(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
                || c >= 0x10000 && c <= 0x10FFFF;
    }
}
