package dev.ekslifecycle.aws;

import dev.ekslifecycle.store.ClusterAuditLog;
import dev.ekslifecycle.store.ClusterLocks;
import dev.ekslifecycle.store.ClusterStore;
import dev.ekslifecycle.store.IdSource;
import dev.ekslifecycle.store.IdempotencyStore;
import dev.ekslifecycle.store.OperationStore;
import dev.ekslifecycle.store.dynamodb.DynamoDbStateStore;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The state stores for the handlers, on the table named by {@code STATE_TABLE} (config {@code state.table}), built
 * once per container on first use. The clock and ID source are defaults that a test may replace with beans of its
 * own.
 */
@ApplicationScoped
public class StateStoreProducer {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    @DefaultBean
    IdSource ids() {
        return () -> UUID.randomUUID().toString();
    }

    @Produces
    @Singleton
    DynamoDbStateStore stateStore(DynamoDbClient client, Clock clock, IdSource ids) {
        // Read when a handler first needs the store, not at start-up: handlers without state need no table.
        String tableName = ConfigProvider.getConfig().getValue("state.table", String.class);
        return new DynamoDbStateStore(client, tableName, clock, ids);
    }

    @Produces
    ClusterStore clusters(DynamoDbStateStore store) {
        return store.clusters();
    }

    @Produces
    OperationStore operations(DynamoDbStateStore store) {
        return store.operations();
    }

    @Produces
    ClusterLocks locks(DynamoDbStateStore store) {
        return store.locks();
    }

    @Produces
    IdempotencyStore idempotency(DynamoDbStateStore store) {
        return store.idempotency();
    }

    @Produces
    ClusterAuditLog auditLog(DynamoDbStateStore store) {
        return store.auditLog();
    }
}
