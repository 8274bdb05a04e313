package dev.ekslifecycle.local.query;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Writes the XML documents of the query protocols (ec2 and awsQuery). Elements nest through {@link #open} and
 * {@link #close}; text is escaped; a null value writes no element, as AWS omits absent members.
 */
public final class XmlWriter {

    private final StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    private final Deque<String> open = new ArrayDeque<>();

    /** Opens the document's root element with the service's namespace. */
    public static XmlWriter root(String name, String namespace) {
        XmlWriter w = new XmlWriter();
        w.out.append('<').append(name).append(" xmlns=\"").append(namespace).append("\">");
        w.open.push(name);
        return w;
    }

    /** Opens a root element without a namespace (error documents). */
    public static XmlWriter root(String name) {
        XmlWriter w = new XmlWriter();
        w.out.append('<').append(name).append('>');
        w.open.push(name);
        return w;
    }

    public XmlWriter open(String name) {
        out.append('<').append(name).append('>');
        open.push(name);
        return this;
    }

    public XmlWriter close() {
        out.append("</").append(open.pop()).append('>');
        return this;
    }

    /** {@code <name>value</name>}, or nothing when value is null. */
    public XmlWriter element(String name, Object value) {
        if (value == null) {
            return this;
        }
        String text = value instanceof Instant i ? timestamp(i) : String.valueOf(value);
        out.append('<').append(name).append('>');
        escape(text);
        out.append("</").append(name).append('>');
        return this;
    }

    /** How many elements are open, the root included. */
    public int depth() {
        return open.size();
    }

    /** Closes every open element and returns the document. */
    public String finish() {
        while (!open.isEmpty()) {
            close();
        }
        return out.toString();
    }

    /** ISO-8601 with milliseconds, as AWS writes timestamps in XML. */
    public static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private void escape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                // a parser reads a raw carriage return as a line feed; the reference keeps it (SQS bodies may hold one)
                case '\r' -> out.append("&#13;");
                default -> out.append(c);
            }
        }
    }
}
