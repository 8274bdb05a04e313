package dev.ekslifecycle.local.dynamodb;

import static dev.ekslifecycle.local.dynamodb.LocalDynamoDbExtension.key;
import static dev.ekslifecycle.local.dynamodb.LocalDynamoDbExtension.n;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

class IdempotencyAndTagsTest {

    private LocalDynamoDbExtension db;

    @BeforeEach
    void start() throws Exception {
        db = new LocalDynamoDbExtension();
        db.createTable("counters", null);
    }

    @AfterEach
    void stop() throws Exception {
        db.close();
    }

    private void increment(String token, String by) {
        db.client.transactWriteItems(b -> b.clientRequestToken(token).transactItems(TransactWriteItem.builder()
                .update(u -> u.tableName("counters").key(key("c")).updateExpression("ADD v :by")
                        .expressionAttributeValues(Map.of(":by", n(by)))).build()));
    }

    private String value() {
        return db.client.getItem(b -> b.tableName("counters").key(key("c"))).item().get("v").n();
    }

    @Test
    void aRepeatedTokenRunsOnceForTenMinutes() {
        increment("token-1", "1");
        increment("token-1", "1");
        assertEquals("1", value(), "the repeat returned the first result without running again");
        assertThrows(IdempotentParameterMismatchException.class, () -> increment("token-1", "2"));
        db.clock.advance(Duration.ofMinutes(11));
        increment("token-1", "1");
        assertEquals("2", value(), "after ten minutes the token is forgotten");
        increment("token-2", "1");
        assertEquals("3", value());
    }

    @Test
    void tagsOnTheTableArn() {
        String arn = db.client.describeTable(b -> b.tableName("counters")).table().tableArn();
        db.client.tagResource(b -> b.resourceArn(arn).tags(Tag.builder().key("team").value("platform").build(),
                Tag.builder().key("env").value("dev").build()));
        db.client.untagResource(b -> b.resourceArn(arn).tagKeys("env"));
        assertEquals(List.of(Tag.builder().key("team").value("platform").build()),
                db.client.listTagsOfResource(b -> b.resourceArn(arn)).tags());
        assertThrows(ResourceNotFoundException.class, () -> db.client.listTagsOfResource(b -> b.resourceArn(
                "arn:aws:dynamodb:us-east-1:000000000000:table/nothing")));
    }
}
