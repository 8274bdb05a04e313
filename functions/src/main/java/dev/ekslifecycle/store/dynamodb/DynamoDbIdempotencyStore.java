package dev.ekslifecycle.store.dynamodb;

import static dev.ekslifecycle.store.dynamodb.Attributes.instant;
import static dev.ekslifecycle.store.dynamodb.Attributes.n;
import static dev.ekslifecycle.store.dynamodb.Attributes.s;

import dev.ekslifecycle.store.IdempotencyClaim;
import dev.ekslifecycle.store.IdempotencyClaimNotFoundException;
import dev.ekslifecycle.store.IdempotencyKeyReusedException;
import dev.ekslifecycle.store.IdempotencyStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * {@link IdempotencyStore} as one item per key holding the SHA-256 of the request, its state and, once done, its
 * result. DynamoDB deletes expired items late (up to days), so an item past {@code expiresAt} counts as absent.
 */
final class DynamoDbIdempotencyStore implements IdempotencyStore {

    static final String REQUEST_HASH = "requestHash";
    static final String STATE = "state";
    static final String RESULT = "result";
    static final String CREATED_AT = "createdAt";
    private static final String IN_PROGRESS = "IN_PROGRESS";
    private static final String COMPLETED = "COMPLETED";
    private static final int MAX_KEY_LENGTH = 256;

    private final StateTable table;
    private final Clock clock;

    DynamoDbIdempotencyStore(StateTable table, Clock clock) {
        this.table = table;
        this.clock = clock;
    }

    @Override
    public IdempotencyClaim claim(String key, String request, Duration ttl) {
        checkKey(key);
        Instant now = clock.instant();
        String hash = hash(request);
        Map<String, AttributeValue> item = new HashMap<>(StateTable.key(Keys.idempotency(key), Keys.IDEMPOTENCY_SK));
        item.put(REQUEST_HASH, s(hash));
        item.put(STATE, s(IN_PROGRESS));
        item.put(CREATED_AT, instant(now));
        item.put(Keys.EXPIRES_AT, Attributes.ttl(now.plus(ttl)));
        Expression e = new Expression();
        String condition = Keys.ITEM_ABSENT + " OR " + e.name(Keys.EXPIRES_AT) + " <= " + e.value(nowSeconds(now));
        try {
            table.client().putItem(b -> b.tableName(table.name()).item(item).conditionExpression(condition)
                    .expressionAttributeNames(e.names()).expressionAttributeValues(e.values())
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return new IdempotencyClaim.First();
        } catch (ConditionalCheckFailedException failed) {
            Map<String, AttributeValue> held = failed.item();
            if (!hash.equals(Attributes.string(held, REQUEST_HASH))) {
                throw new IdempotencyKeyReusedException(key);
            }
            return COMPLETED.equals(Attributes.string(held, STATE))
                    ? new IdempotencyClaim.Completed(Attributes.string(held, RESULT))
                    : new IdempotencyClaim.InProgress();
        }
    }

    @Override
    public void complete(String key, String request, String result) {
        checkKey(key);
        String hash = hash(request);
        Expression e = new Expression().set(STATE, s(COMPLETED)).set(RESULT, s(result));
        String condition = e.name(REQUEST_HASH) + " = " + e.value(s(hash)) + " AND " + e.name(Keys.EXPIRES_AT)
                + " > " + e.value(nowSeconds(clock.instant()));
        try {
            table.client().updateItem(b -> b.tableName(table.name())
                    .key(StateTable.key(Keys.idempotency(key), Keys.IDEMPOTENCY_SK))
                    .updateExpression(e.update()).conditionExpression(condition)
                    .expressionAttributeNames(e.names()).expressionAttributeValues(e.values())
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
        } catch (ConditionalCheckFailedException failed) {
            Map<String, AttributeValue> held = failed.item();
            if (held == null || held.isEmpty() || hash.equals(Attributes.string(held, REQUEST_HASH))) {
                throw new IdempotencyClaimNotFoundException(key);
            }
            throw new IdempotencyKeyReusedException(key);
        }
    }

    @Override
    public void abandon(String key, String request) {
        checkKey(key);
        Expression e = new Expression();
        String condition = e.name(REQUEST_HASH) + " = " + e.value(s(hash(request))) + " AND " + e.name(STATE) + " = "
                + e.value(s(IN_PROGRESS));
        try {
            table.client().deleteItem(b -> b.tableName(table.name())
                    .key(StateTable.key(Keys.idempotency(key), Keys.IDEMPOTENCY_SK)).conditionExpression(condition)
                    .expressionAttributeNames(e.names()).expressionAttributeValues(e.values()));
        } catch (ConditionalCheckFailedException keptOnPurpose) {
            // Completed, claimed for another request, or gone: nothing of ours to drop.
        }
    }

    private static void checkKey(String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("an idempotency key has 1 to " + MAX_KEY_LENGTH + " characters");
        }
    }

    private static AttributeValue nowSeconds(Instant now) {
        return n(now.getEpochSecond());
    }

    private static String hash(String request) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(request.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
