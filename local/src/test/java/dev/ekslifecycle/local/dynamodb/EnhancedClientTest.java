package dev.ekslifecycle.local.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** The enhanced client (bean mapping, optimistic locking through version conditions, queries) works unchanged. */
class EnhancedClientTest {

    private LocalDynamoDbExtension db;
    private DynamoDbTable<Cluster> clusters;

    @BeforeEach
    void start() throws Exception {
        db = new LocalDynamoDbExtension();
        DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(db.client).build();
        clusters = enhanced.table("clusters", TableSchema.fromBean(Cluster.class));
        clusters.createTable(b -> b.provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L)));
    }

    @AfterEach
    void stop() throws Exception {
        db.close();
    }

    @Test
    void beansRoundTripWithOptimisticLocking() {
        clusters.putItem(cluster("acct", "prod", "1.30"));
        clusters.putItem(cluster("acct", "dev", "1.29"));
        clusters.putItem(cluster("other", "x", "1.28"));

        Cluster prod = clusters.getItem(Key.builder().partitionValue("acct").sortValue("prod").build());
        assertEquals("1.30", prod.getVersion());
        assertEquals(1L, prod.getRevision());

        Cluster stale = clusters.getItem(Key.builder().partitionValue("acct").sortValue("prod").build());
        prod.setVersion("1.31");
        clusters.updateItem(prod);
        stale.setVersion("1.29");
        assertThrows(ConditionalCheckFailedException.class, () -> clusters.updateItem(stale),
                "the version attribute makes a stale write fail");

        List<String> names = clusters.query(QueryConditional.keyEqualTo(k -> k.partitionValue("acct"))).items()
                .stream().map(Cluster::getName).toList();
        assertEquals(List.of("dev", "prod"), names);
        assertEquals(3, clusters.scan().items().stream().count());
        clusters.deleteItem(Key.builder().partitionValue("other").sortValue("x").build());
        assertEquals(2, clusters.scan().items().stream().count());
    }

    private static Cluster cluster(String account, String name, String version) {
        Cluster c = new Cluster();
        c.setAccount(account);
        c.setName(name);
        c.setVersion(version);
        return c;
    }

    /** A bean as the enhanced client maps it. */
    @DynamoDbBean
    public static class Cluster {
        private String account;
        private String name;
        private String version;
        private Long revision;

        @DynamoDbPartitionKey
        public String getAccount() {
            return account;
        }

        public void setAccount(String account) {
            this.account = account;
        }

        @DynamoDbSortKey
        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getVersion() {
            return version;
        }

        public void setVersion(String version) {
            this.version = version;
        }

        @DynamoDbVersionAttribute
        public Long getRevision() {
            return revision;
        }

        public void setRevision(Long revision) {
            this.revision = revision;
        }
    }
}
