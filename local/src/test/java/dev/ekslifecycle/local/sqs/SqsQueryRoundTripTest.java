package dev.ekslifecycle.local.sqs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ekslifecycle.local.clock.VirtualClock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

/**
 * Generated messages (seeded): bodies and attribute values with every kind of character SQS allows — markup
 * characters, carriage returns, tabs, characters outside the BMP — cross between the Query protocol and the SDK v2
 * client unchanged and with the digests the SDK checks.
 */
class SqsQueryRoundTripTest {

    /** Code points drawn from: markup and whitespace SQS allows, ASCII, Latin-1, CJK, emoji (outside the BMP). */
    private static final int[][] RANGES = {{'<', '>'}, {'&', '&'}, {'"', '"'}, {'\'', '\''}, {']', ']'},
        {'\r', '\r'}, {'\n', '\n'}, {'\t', '\t'}, {0x20, 0x7e}, {0xa0, 0xff}, {0x4e00, 0x4e20}, {0x1f600, 0x1f64f}};

    private VirtualClock clock;
    private SqsHarness sqs;
    private QueryCalls query;
    private String url;

    @BeforeEach
    void start() throws Exception {
        clock = VirtualClock.manual(Instant.parse("2026-11-25T10:00:00Z"));
        sqs = new SqsHarness(clock, Optional.empty());
        query = new QueryCalls(sqs.host.url());
        url = sqs.client.createQueue(r -> r.queueName("roundtrip")).queueUrl();
    }

    @AfterEach
    void stop() {
        sqs.close();
        clock.shutdown();
    }

    static LongStream seeds() {
        return LongStream.range(1, 41);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void messagesCrossBetweenTheProtocolsUnchanged(long seed) throws Exception {
        Random random = new Random(seed);
        String body = text(random, 1 + random.nextInt(60));
        Map<String, MessageAttributeValue> attributes = attributes(random);

        List<String> form = new ArrayList<>(List.of("Action", "SendMessage", "QueueUrl", url, "MessageBody", body));
        int n = 1;
        for (Map.Entry<String, MessageAttributeValue> a : attributes.entrySet()) {
            String prefix = "MessageAttribute." + n++ + ".";
            form.addAll(List.of(prefix + "Name", a.getKey(), prefix + "Value.DataType", a.getValue().dataType()));
            form.addAll(a.getValue().binaryValue() != null
                    ? List.of(prefix + "Value.BinaryValue", Base64.getEncoder().encodeToString(
                            a.getValue().binaryValue().asByteArray()))
                    : List.of(prefix + "Value.StringValue", a.getValue().stringValue()));
        }
        QueryCalls.Answer sent = query.call("/", form.toArray(String[]::new));
        assertEquals(md5(body), sent.text("//q:SendMessageResult/q:MD5OfMessageBody"));
        Message viaSdk = sqs.client.receiveMessage(r -> r.queueUrl(url).messageAttributeNames("All")).messages().get(0);
        assertEquals(body, viaSdk.body());
        assertEquals(attributes, viaSdk.messageAttributes());
        sqs.client.deleteMessage(r -> r.queueUrl(url).receiptHandle(viaSdk.receiptHandle()));

        SendMessageResponse sdkSent = sqs.client.sendMessage(r -> r.queueUrl(url).messageBody(body)
                .messageAttributes(attributes));
        QueryCalls.Answer received = query.call("/", "Action", "ReceiveMessage", "QueueUrl", url,
                "MessageAttributeName.1", "All");
        assertEquals(body, received.text("//q:Message/q:Body"));
        assertEquals(sdkSent.md5OfMessageBody(), received.text("//q:Message/q:MD5OfBody"));
        for (Map.Entry<String, MessageAttributeValue> a : attributes.entrySet()) {
            String value = "//q:Message/q:MessageAttribute[q:Name='" + a.getKey() + "']/q:Value/";
            assertEquals(a.getValue().dataType(), received.text(value + "q:DataType"));
            if (a.getValue().binaryValue() != null) {
                assertArrayEquals(a.getValue().binaryValue().asByteArray(),
                        Base64.getDecoder().decode(received.text(value + "q:BinaryValue")));
            } else {
                assertEquals(a.getValue().stringValue(), received.text(value + "q:StringValue"));
            }
        }
        if (!attributes.isEmpty()) {
            assertEquals(sdkSent.md5OfMessageAttributes(), received.text("//q:Message/q:MD5OfMessageAttributes"));
        }
    }

    private static Map<String, MessageAttributeValue> attributes(Random random) {
        Map<String, MessageAttributeValue> out = new LinkedHashMap<>();
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            MessageAttributeValue.Builder value = MessageAttributeValue.builder();
            switch (random.nextInt(3)) {
                case 0 -> value.dataType("String").stringValue(text(random, 1 + random.nextInt(20)));
                case 1 -> value.dataType("Number.custom").stringValue(Long.toString(random.nextLong()));
                default -> {
                    byte[] bytes = new byte[1 + random.nextInt(16)];
                    random.nextBytes(bytes);
                    value.dataType("Binary").binaryValue(SdkBytes.fromByteArray(bytes));
                }
            }
            out.put("attr_" + i + "." + random.nextInt(100), value.build());
        }
        return out;
    }

    private static String text(Random random, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int[] range = RANGES[random.nextInt(RANGES.length)];
            out.appendCodePoint(range[0] + random.nextInt(range[1] - range[0] + 1));
        }
        return out.toString();
    }

    private static String md5(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
