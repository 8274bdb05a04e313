package dev.ekslifecycle.local.dynamodb.model;

import java.util.List;
import java.util.Map;

/**
 * An error DynamoDB answers with: its type (the part after {@code #} in {@code __type}), message and HTTP status,
 * plus the fields some errors carry (the old item on a failed condition, the cancellation reasons of a
 * transaction).
 */
public final class DynamoDbException extends RuntimeException {

    private static final String DYNAMODB = "com.amazonaws.dynamodb.v20120810#";

    private final String typePrefix;
    private final String type;
    private final int status;
    private final transient Map<String, Value> item;
    private final transient List<CancellationReason> reasons;

    public DynamoDbException(String typePrefix, String type, int status, String message,
                             Map<String, Value> item, List<CancellationReason> reasons) {
        super(message, null, false, false);
        this.typePrefix = typePrefix;
        this.type = type;
        this.status = status;
        this.item = item;
        this.reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    /** A {@code ValidationException}, sent with Coral's prefix as DynamoDB does. */
    public static DynamoDbException validation(String message) {
        return new DynamoDbException("com.amazon.coral.validate#", "ValidationException", 400, message, null, null);
    }

    public static DynamoDbException serialization(String message) {
        return new DynamoDbException("com.amazon.coral.service#", "SerializationException", 400, message, null, null);
    }

    public static DynamoDbException of(String type, int status, String message) {
        return new DynamoDbException(DYNAMODB, type, status, message, null, null);
    }

    public static DynamoDbException resourceNotFound(String message) {
        return of("ResourceNotFoundException", 400, message);
    }

    public static DynamoDbException resourceInUse(String message) {
        return of("ResourceInUseException", 400, message);
    }

    /** A failed condition; {@code item} is the old item when the caller asked for it, else null. */
    public static DynamoDbException conditionFailed(Map<String, Value> item) {
        return new DynamoDbException(DYNAMODB, "ConditionalCheckFailedException", 400,
                "The conditional request failed", item, null);
    }

    public static DynamoDbException transactionCanceled(List<CancellationReason> reasons) {
        StringBuilder codes = new StringBuilder();
        for (CancellationReason r : reasons) {
            codes.append(codes.isEmpty() ? "" : ", ").append(r.code());
        }
        return new DynamoDbException(DYNAMODB, "TransactionCanceledException", 400,
                "Transaction cancelled, please refer cancellation reasons for specific reasons [" + codes + "]",
                null, reasons);
    }

    /** The full {@code __type}, e.g. {@code com.amazonaws.dynamodb.v20120810#ResourceNotFoundException}. */
    public String wireType() {
        return typePrefix + type;
    }

    public String type() {
        return type;
    }

    public int status() {
        return status;
    }

    public Map<String, Value> item() {
        return item;
    }

    public List<CancellationReason> reasons() {
        return reasons;
    }

    /** One entry of a transaction's {@code CancellationReasons}; code "None" for actions that were fine. */
    public record CancellationReason(String code, String message, Map<String, Value> item) {
        public static final CancellationReason NONE = new CancellationReason("None", null, null);
    }
}
