package dev.ekslifecycle.local.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The attributes a queue is created or updated with, checked against SQS's ranges, with SQS's defaults for those
 * not given. Encryption and policy attributes are kept as given and have no local effect.
 */
final class QueueAttributes {

    static final String VISIBILITY_TIMEOUT = "VisibilityTimeout";
    static final String RETENTION = "MessageRetentionPeriod";
    static final String DELAY = "DelaySeconds";
    static final String WAIT_TIME = "ReceiveMessageWaitTimeSeconds";
    static final String MAXIMUM_SIZE = "MaximumMessageSize";
    static final String REDRIVE_POLICY = "RedrivePolicy";

    /** Numeric attributes: default, minimum, maximum. */
    private static final Map<String, long[]> RANGES = Map.of(
            VISIBILITY_TIMEOUT, new long[] {30, 0, 43_200},
            RETENTION, new long[] {345_600, 60, 1_209_600},
            DELAY, new long[] {0, 0, 900},
            WAIT_TIME, new long[] {0, 0, 20},
            MAXIMUM_SIZE, new long[] {1_048_576, 1_024, 1_048_576});
    private static final Set<String> KEPT_AS_GIVEN = Set.of("Policy", "KmsMasterKeyId",
            "KmsDataKeyReusePeriodSeconds", "SqsManagedSseEnabled", "RedriveAllowPolicy", REDRIVE_POLICY);
    private static final ObjectMapper JSON = new ObjectMapper();

    private QueueAttributes() {
    }

    /** The defaults overlaid with {@code given}, after checking each. */
    static Map<String, String> withDefaults(Map<String, String> given) throws SqsException {
        Map<String, String> out = new LinkedHashMap<>();
        RANGES.forEach((name, range) -> out.put(name, Long.toString(range[0])));
        out.putAll(checked(given));
        return out;
    }

    /** {@code given} after checking each attribute's name and value. */
    static Map<String, String> checked(Map<String, String> given) throws SqsException {
        for (Map.Entry<String, String> e : given.entrySet()) {
            check(e.getKey(), e.getValue());
        }
        return given;
    }

    private static void check(String name, String value) throws SqsException {
        long[] range = RANGES.get(name);
        if (range != null) {
            long number;
            try {
                number = Long.parseLong(value);
            } catch (NumberFormatException e) {
                number = Long.MIN_VALUE;
            }
            if (number < range[1] || number > range[2]) {
                throw SqsException.invalidAttributeValue("Invalid value for the parameter " + name + ".");
            }
        } else if (name.equals("FifoQueue") || name.equals("ContentBasedDeduplication")) {
            if (!value.equals("false")) {
                throw SqsException.invalidAttributeValue("Invalid value for the parameter " + name
                        + ". FIFO queues are not emulated locally.");
            }
        } else if (!KEPT_AS_GIVEN.contains(name)) {
            throw new SqsException("InvalidAttributeName", "InvalidAttributeName", 400,
                    "Unknown Attribute " + name + ".");
        } else if (!MessageValidation.allowedText(value)) {
            // kept as given and returned by GetQueueAttributes, so held to the rule of all text SQS keeps
            throw SqsException.invalidAttributeValue("Invalid value for the parameter " + name + ". Reason: it "
                    + "holds characters SQS does not allow. " + MessageValidation.VALID_CHARACTERS);
        }
        if (name.equals(REDRIVE_POLICY)) {
            redrivePolicy(value);
        }
    }

    /** A redrive policy: the dead-letter queue's ARN and how many receives move a message there. */
    record RedrivePolicy(String deadLetterTargetArn, int maxReceiveCount) {
    }

    static RedrivePolicy redrivePolicy(String json) throws SqsException {
        try {
            JsonNode policy = JSON.readTree(json);
            String arn = policy.path("deadLetterTargetArn").asText("");
            int count = policy.path("maxReceiveCount").asInt(0);
            if (!arn.startsWith("arn:") || count < 1 || count > 1000) {
                throw SqsException.invalidAttributeValue("Value " + json + " for parameter RedrivePolicy is invalid. "
                        + "Reason: Redrive policy is not a valid JSON map with deadLetterTargetArn and "
                        + "maxReceiveCount (1 to 1000).");
            }
            return new RedrivePolicy(arn, count);
        } catch (IOException e) {
            throw SqsException.invalidAttributeValue("Value " + json + " for parameter RedrivePolicy is invalid. "
                    + "Reason: Invalid JSON.");
        }
    }
}
