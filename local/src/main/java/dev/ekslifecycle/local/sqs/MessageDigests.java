package dev.ekslifecycle.local.sqs;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The MD5 digests SQS returns and SDKs check: of the body's UTF-8 bytes, and of the message attributes encoded as
 * SQS documents it — for each attribute in name order: name, data type (each as a 4-byte big-endian length and
 * UTF-8 bytes), a transport byte (1 string, 2 binary) and the value (length and bytes).
 */
final class MessageDigests {

    private static final byte STRING_TRANSPORT = 1;
    private static final byte BINARY_TRANSPORT = 2;

    private MessageDigests() {
    }

    static String ofBody(String body) {
        return md5(body.getBytes(StandardCharsets.UTF_8));
    }

    static String ofAttributes(Map<String, MessageAttribute> attributes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new TreeMap<>(attributes).forEach((name, attribute) -> {
            lengthAndBytes(out, name.getBytes(StandardCharsets.UTF_8));
            lengthAndBytes(out, attribute.dataType().getBytes(StandardCharsets.UTF_8));
            if (attribute.binary()) {
                out.write(BINARY_TRANSPORT);
                lengthAndBytes(out, attribute.binaryValue());
            } else {
                out.write(STRING_TRANSPORT);
                lengthAndBytes(out, attribute.stringValue().getBytes(StandardCharsets.UTF_8));
            }
        });
        return md5(out.toByteArray());
    }

    private static void lengthAndBytes(ByteArrayOutputStream out, byte[] bytes) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }
}
