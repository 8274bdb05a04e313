package dev.ekslifecycle.store.dynamodb;

import dev.ekslifecycle.local.cloud.template.CloudFormationYaml;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

/**
 * Creates the state table exactly as {@code template.yaml} declares {@code StateTable}, so that the store tests
 * prove the adapter and the template agree.
 */
public final class TemplateStateTable {

    private static final Path TEMPLATE = Path.of("..", "template.yaml");

    private TemplateStateTable() {
    }

    @SuppressWarnings("unchecked")
    public static void create(DynamoDbClient client, String tableName) throws IOException {
        Map<String, Object> resources = (Map<String, Object>) CloudFormationYaml.read(TEMPLATE).get("Resources");
        Map<String, Object> table = (Map<String, Object>) resources.get("StateTable");
        Map<String, Object> p = (Map<String, Object>) table.get("Properties");
        CreateTableRequest.Builder request = CreateTableRequest.builder().tableName(tableName)
                .billingMode(BillingMode.fromValue((String) p.get("BillingMode")))
                .attributeDefinitions(((List<Map<String, Object>>) p.get("AttributeDefinitions")).stream()
                        .map(d -> AttributeDefinition.builder().attributeName((String) d.get("AttributeName"))
                                .attributeType((String) d.get("AttributeType")).build()).toList())
                .keySchema(keySchema(p.get("KeySchema")));
        List<Map<String, Object>> indexes = (List<Map<String, Object>>) p.get("GlobalSecondaryIndexes");
        if (indexes != null) {
            request.globalSecondaryIndexes(indexes.stream().map(i -> GlobalSecondaryIndex.builder()
                    .indexName((String) i.get("IndexName")).keySchema(keySchema(i.get("KeySchema")))
                    .projection(pr -> pr.projectionType(ProjectionType.fromValue(
                            (String) ((Map<String, Object>) i.get("Projection")).get("ProjectionType"))))
                    .build()).toList());
        }
        client.createTable(request.build());
        Map<String, Object> ttl = (Map<String, Object>) p.get("TimeToLiveSpecification");
        client.updateTimeToLive(b -> b.tableName(tableName).timeToLiveSpecification(t -> t
                .attributeName((String) ttl.get("AttributeName")).enabled((Boolean) ttl.get("Enabled"))));
    }

    @SuppressWarnings("unchecked")
    private static List<KeySchemaElement> keySchema(Object schema) {
        return ((List<Map<String, Object>>) schema).stream().map(k -> KeySchemaElement.builder()
                .attributeName((String) k.get("AttributeName")).keyType((String) k.get("KeyType")).build()).toList();
    }
}
