package dev.ekslifecycle.store.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/** The one state table: its client and name, and the reads and writes every store does the same way. */
final class StateTable {

    private final DynamoDbClient client;
    private final String name;

    StateTable(DynamoDbClient client, String name) {
        this.client = client;
        this.name = name;
    }

    DynamoDbClient client() {
        return client;
    }

    String name() {
        return name;
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(Keys.PK, Attributes.s(pk), Keys.SK, Attributes.s(sk));
    }

    /** A strongly consistent read of one item. */
    Optional<Map<String, AttributeValue>> get(String pk, String sk) {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(name).key(key(pk, sk)).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    /**
     * Applies {@code e} to item ({@code pk}, {@code sk}) when {@code condition} holds and returns the item as it is
     * afterwards. When the condition fails, the {@link ConditionalCheckFailedException} carries the item as it was
     * (none when it does not exist), so the caller can tell a missing item from one in another state without a
     * second read.
     */
    Map<String, AttributeValue> updateIf(String pk, String sk, Expression e, String condition) {
        return client.updateItem(b -> b.tableName(name).key(key(pk, sk))
                .updateExpression(e.update()).conditionExpression(condition)
                .expressionAttributeNames(e.names()).expressionAttributeValues(e.values())
                .returnValues(ReturnValue.ALL_NEW)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).attributes();
    }

    /** One page of the index {@code gsi1} in partition {@code gsi1pk}. */
    QueryResponse indexPage(String gsi1pk, boolean newestFirst, int limit, String pageToken) {
        if (limit < 1) {
            throw new IllegalArgumentException("a page holds at least one item, not " + limit);
        }
        return client.query(QueryRequest.builder().tableName(name).indexName(Keys.GSI1)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", Keys.GSI1_PK))
                .expressionAttributeValues(Map.of(":pk", Attributes.s(gsi1pk)))
                .scanIndexForward(!newestFirst).limit(limit)
                .exclusiveStartKey(PageTokens.decode(pageToken, gsi1pk)).build());
    }

    /** Every item of partition {@code pk} whose sort key starts with {@code skPrefix}, in sort-key order. */
    List<Map<String, AttributeValue>> partition(String pk, String skPrefix) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        client.queryPaginator(QueryRequest.builder().tableName(name).consistentRead(true)
                        .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                        .expressionAttributeNames(Map.of("#pk", Keys.PK, "#sk", Keys.SK))
                        .expressionAttributeValues(Map.of(":pk", Attributes.s(pk), ":prefix", Attributes.s(skPrefix)))
                        .build())
                .forEach(page -> items.addAll(page.items()));
        return items;
    }
}
