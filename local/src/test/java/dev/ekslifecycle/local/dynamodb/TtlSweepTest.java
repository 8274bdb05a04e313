package dev.ekslifecycle.local.dynamodb;

import static dev.ekslifecycle.local.dynamodb.LocalDynamoDbExtension.key;
import static dev.ekslifecycle.local.dynamodb.LocalDynamoDbExtension.n;
import static dev.ekslifecycle.local.dynamodb.LocalDynamoDbExtension.s;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Expired items go within one sweep interval of the injected clock, and only they. */
class TtlSweepTest {

    private LocalDynamoDbExtension db;

    @BeforeEach
    void start() throws Exception {
        db = new LocalDynamoDbExtension();
        db.createTable("leases", null);
        db.createTable("keep", null);
        db.client.updateTimeToLive(b -> b.tableName("leases")
                .timeToLiveSpecification(t -> t.enabled(true).attributeName("expires")));
    }

    @AfterEach
    void stop() throws Exception {
        db.close();
    }

    private void put(String table, String pk, AttributeValue expires) {
        db.client.putItem(b -> b.tableName(table).item(Map.of("pk", s(pk), "expires", expires)));
    }

    private boolean exists(String table, String pk) {
        return db.client.getItem(b -> b.tableName(table).key(key(pk))).hasItem();
    }

    @Test
    void expiredItemsDisappearWithinOneSweepInterval() {
        long now = LocalDynamoDbExtension.START.getEpochSecond();
        put("leases", "soon", n("" + (now + 30)));
        put("leases", "later", n("" + (now + 3600)));
        put("leases", "text", s("" + now));
        put("leases", "ancient", n("" + (now - Duration.ofDays(6 * 365).toSeconds())));
        put("keep", "soon", n("" + (now + 30)));

        db.clock.advance(Duration.ofSeconds(40));
        assertTrue(exists("leases", "soon"), "expired but not swept yet: DynamoDB deletes eventually too");
        db.clock.advance(LocalDynamoDbConfig.DEFAULT_TTL_SWEEP);
        assertFalse(exists("leases", "soon"));
        assertTrue(exists("leases", "later"));
        assertTrue(exists("leases", "text"), "a TTL attribute that is not a number never expires");
        assertTrue(exists("leases", "ancient"), "more than five years in the past is ignored, as on AWS");
        assertTrue(exists("keep", "soon"), "a table without TTL keeps its items");

        db.clock.advance(Duration.ofHours(2));
        assertFalse(exists("leases", "later"));
    }
}
