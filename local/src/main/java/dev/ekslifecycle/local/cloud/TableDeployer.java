package dev.ekslifecycle.local.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.cloud.AwsJsonClient.AwsCallException;
import dev.ekslifecycle.local.cloud.AwsJsonClient.Service;
import java.util.Set;

/**
 * {@code AWS::DynamoDB::Table} → CreateTable (keys, indexes, billing, stream) and UpdateTimeToLive on the local
 * DynamoDB. A table that already exists (a restart on the same data directory) is kept as it is.
 */
final class TableDeployer {

    private static final Set<String> SUPPORTED = Set.of("TableName", "AttributeDefinitions", "KeySchema",
            "GlobalSecondaryIndexes", "LocalSecondaryIndexes", "BillingMode", "ProvisionedThroughput",
            "TimeToLiveSpecification", "StreamSpecification");
    /** Properties with no local behaviour, accepted on purpose. */
    private static final Set<String> ACCEPTED = Set.of("SSESpecification", "PointInTimeRecoverySpecification",
            "Tags", "DeletionProtectionEnabled", "ContributorInsightsSpecification", "TableClass");
    private static final String[] INDEX_FIELDS = {"IndexName", "KeySchema", "Projection", "ProvisionedThroughput"};

    private final AwsJsonClient aws;

    TableDeployer(AwsJsonClient aws) {
        this.aws = aws;
    }

    void deploy(String tableName, ResourceProperties p) {
        p.allowOnly(SUPPORTED, ACCEPTED);
        JsonNode all = p.json();
        ObjectNode create = JsonNodeFactory.instance.objectNode().put("TableName", tableName);
        copy(all, create, "AttributeDefinitions", "KeySchema", "BillingMode", "ProvisionedThroughput");
        indexes(all.path("GlobalSecondaryIndexes"), create.putArray("GlobalSecondaryIndexes"));
        indexes(all.path("LocalSecondaryIndexes"), create.putArray("LocalSecondaryIndexes"));
        for (String empty : new String[] {"GlobalSecondaryIndexes", "LocalSecondaryIndexes"}) {
            if (create.path(empty).isEmpty()) {
                create.remove(empty);
            }
        }
        p.object("StreamSpecification").ifPresent(s -> create.putObject("StreamSpecification")
                .put("StreamEnabled", true).put("StreamViewType", s.requiredText("StreamViewType")));
        try {
            aws.call(Service.DYNAMODB, "CreateTable", create);
        } catch (AwsCallException e) {
            if (!e.code().equals("ResourceInUseException")) {
                throw e;
            }
        }
        p.object("TimeToLiveSpecification").ifPresent(ttl -> timeToLive(tableName, ttl));
    }

    private void timeToLive(String tableName, ResourceProperties ttl) {
        if (!Boolean.parseBoolean(ttl.text("Enabled").orElse("false"))) {
            return;
        }
        ObjectNode update = JsonNodeFactory.instance.objectNode().put("TableName", tableName);
        update.putObject("TimeToLiveSpecification")
                .put("AttributeName", ttl.requiredText("AttributeName")).put("Enabled", true);
        try {
            aws.call(Service.DYNAMODB, "UpdateTimeToLive", update);
        } catch (AwsCallException e) {
            // DynamoDB refuses to enable TTL twice; on a restart it is already on
            if (!e.getMessage().contains("already enabled")) {
                throw e;
            }
        }
    }

    private static void indexes(JsonNode from, ArrayNode to) {
        for (JsonNode index : from) {
            ObjectNode copy = to.addObject();
            copy(index, copy, INDEX_FIELDS);
        }
    }

    private static void copy(JsonNode from, ObjectNode to, String... fields) {
        for (String field : fields) {
            if (from.has(field)) {
                to.set(field, from.get(field));
            }
        }
    }
}
