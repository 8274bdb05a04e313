package dev.ekslifecycle.local.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

class TableOperationsTest {

    private LocalDynamoDbExtension db;

    @BeforeEach
    void start() throws Exception {
        db = new LocalDynamoDbExtension();
    }

    @AfterEach
    void stop() throws Exception {
        db.close();
    }

    @Test
    void createDescribeListDelete() {
        db.createTable("clusters", ScalarAttributeType.S);
        db.createTable("events", null);

        DescribeTableResponse d = db.client.describeTable(b -> b.tableName("clusters"));
        assertEquals(TableStatus.ACTIVE, d.table().tableStatus());
        assertEquals("arn:aws:dynamodb:us-east-1:000000000000:table/clusters", d.table().tableArn());
        assertEquals(2, d.table().keySchema().size());
        assertEquals(List.of("clusters", "events"), db.client.listTables().tableNames());

        ListTablesResponse page = db.client.listTables(b -> b.limit(1));
        assertEquals(List.of("clusters"), page.tableNames());
        assertEquals("clusters", page.lastEvaluatedTableName());
        assertEquals(List.of("events"),
                db.client.listTables(b -> b.exclusiveStartTableName("clusters")).tableNames());

        db.client.deleteTable(b -> b.tableName("clusters"));
        assertEquals(List.of("events"), db.client.listTables().tableNames());
    }

    @Test
    void errorsAsDynamoDbSendsThem() {
        db.createTable("clusters", null);
        ResourceInUseException inUse = assertThrows(ResourceInUseException.class,
                () -> db.createTable("clusters", null));
        assertTrue(inUse.getMessage().startsWith("Table already exists: clusters"), inUse.getMessage());
        ResourceNotFoundException missing = assertThrows(ResourceNotFoundException.class,
                () -> db.client.describeTable(b -> b.tableName("nothing")));
        assertTrue(missing.getMessage().startsWith("Requested resource not found: Table: nothing not found"));
        assertEquals(400, missing.statusCode());
        assertThrows(ResourceNotFoundException.class, () -> db.client.getItem(b -> b.tableName("nothing")
                .key(LocalDynamoDbExtension.key("a"))));
    }

    @Test
    void timeToLiveSettings() {
        db.createTable("leases", null);
        assertEquals(TimeToLiveStatus.DISABLED, db.client.describeTimeToLive(b -> b.tableName("leases"))
                .timeToLiveDescription().timeToLiveStatus());
        db.client.updateTimeToLive(b -> b.tableName("leases")
                .timeToLiveSpecification(s -> s.enabled(true).attributeName("expiresAt")));
        var ttl = db.client.describeTimeToLive(b -> b.tableName("leases")).timeToLiveDescription();
        assertEquals(TimeToLiveStatus.ENABLED, ttl.timeToLiveStatus());
        assertEquals("expiresAt", ttl.attributeName());
        var again = assertThrows(software.amazon.awssdk.services.dynamodb.model.DynamoDbException.class,
                () -> db.client.updateTimeToLive(b -> b.tableName("leases")
                        .timeToLiveSpecification(s -> s.enabled(true).attributeName("expiresAt"))));
        assertEquals("ValidationException", again.awsErrorDetails().errorCode());
    }
}
