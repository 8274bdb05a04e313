package dev.ekslifecycle.local.dynamodb.operations;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ekslifecycle.local.dynamodb.expression.Condition;
import dev.ekslifecycle.local.dynamodb.expression.ConditionParser;
import dev.ekslifecycle.local.dynamodb.expression.ExpressionAttributes;
import dev.ekslifecycle.local.dynamodb.expression.ExpressionKind;
import dev.ekslifecycle.local.dynamodb.expression.Projection;
import dev.ekslifecycle.local.dynamodb.model.DynamoDbException;
import dev.ekslifecycle.local.dynamodb.model.Value;
import dev.ekslifecycle.local.dynamodb.storage.IndexSchema;
import dev.ekslifecycle.local.dynamodb.storage.Table;
import java.util.List;
import java.util.Map;

/** The members Query and Scan share: table, index, filter, projection, Select, Limit and start key. */
record ReadRequest(Table table, IndexSchema index, Condition filter, Projection projection, String select,
                   Integer limit, Map<String, Value> exclusiveStartKey) {

    private static final List<String> SELECTS =
            List.of("ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES", "SPECIFIC_ATTRIBUTES", "COUNT");

    /** Reads the shared members; the caller has already parsed its own expressions with {@code attributes}. */
    static ReadRequest parse(JsonNode request, Tables tables, ExpressionAttributes attributes) {
        Table table = tables.forItems(request);
        String indexName = Requests.string(request, "IndexName");
        IndexSchema index = null;
        if (indexName != null) {
            index = table.schema().index(indexName);
            if (index == null) {
                throw DynamoDbException.validation("The table does not have the specified index: " + indexName);
            }
            if (!index.local() && Requests.bool(request, "ConsistentRead")) {
                throw DynamoDbException.validation("Consistent reads are not supported on global secondary indexes");
            }
        }
        String filterText = Requests.string(request, "FilterExpression");
        Condition filter = filterText == null ? null
                : ConditionParser.parse(filterText, ExpressionKind.FILTER, attributes);
        String projectionText = Requests.string(request, "ProjectionExpression");
        Projection projection = projectionText == null ? null : Projection.parse(projectionText, attributes);
        attributes.requireAllUsed();
        String select = Requests.oneOf(request, "Select", "select", SELECTS, null);
        select = checkSelect(select, projection, index);
        Map<String, Value> start = Requests.item(request, "ExclusiveStartKey");
        if (start != null) {
            checkStartKey(table, index, start);
        }
        return new ReadRequest(table, index, filter, projection, select, Requests.limit(request), start);
    }

    private static String checkSelect(String select, Projection projection, IndexSchema index) {
        if (select == null) {
            return projection != null ? "SPECIFIC_ATTRIBUTES"
                    : index != null ? "ALL_PROJECTED_ATTRIBUTES" : "ALL_ATTRIBUTES";
        }
        if (projection != null && !select.equals("SPECIFIC_ATTRIBUTES")) {
            throw DynamoDbException.validation("Cannot specify the ProjectionExpression when choosing to get "
                    + select);
        }
        if (select.equals("ALL_PROJECTED_ATTRIBUTES") && index == null) {
            throw DynamoDbException.validation("ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an "
                    + "IndexName");
        }
        if (select.equals("ALL_ATTRIBUTES") && index != null && !index.local()
                && !index.projectionType().equals("ALL")) {
            throw DynamoDbException.validation("One or more parameter values were invalid: Select type ALL_ATTRIBUTES "
                    + "is not supported for global secondary index " + index.name()
                    + " because its projection type is not ALL");
        }
        return select;
    }

    private static void checkStartKey(Table table, IndexSchema index, Map<String, Value> start) {
        boolean ok = present(start, table.schema().hashKey().name())
                && (table.schema().rangeKey() == null || present(start, table.schema().rangeKey().name()));
        if (index != null) {
            ok &= present(start, index.hashKey().name())
                    && (index.rangeKey() == null || present(start, index.rangeKey().name()));
        }
        if (!ok) {
            throw DynamoDbException.validation("The provided starting key is invalid: "
                    + "The provided key element does not match the schema");
        }
    }

    private static boolean present(Map<String, Value> key, String name) {
        return key.get(name) != null;
    }
}
