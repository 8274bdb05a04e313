package dev.ekslifecycle.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ekslifecycle.domain.ClusterSpec;
import dev.ekslifecycle.domain.SpecGenerator;
import dev.ekslifecycle.store.ClusterLocks;
import dev.ekslifecycle.store.ClusterStore;
import dev.ekslifecycle.store.IdempotencyClaim;
import dev.ekslifecycle.store.IdempotencyStore;
import dev.ekslifecycle.store.LockHeldException;
import dev.ekslifecycle.store.NewOperation;
import dev.ekslifecycle.store.Operation;
import dev.ekslifecycle.store.OperationStore;
import dev.ekslifecycle.store.OperationType;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The stores as handlers get them from CDI: a DynamoDB client built from the environment and the endpoint
 * configuration, on the table named by {@code state.table}, here the local DynamoDB.
 */
@QuarkusTest
@WithTestResource(LocalStateTableResource.class)
class StateStoreWiringTest {

    @Inject
    ClusterStore clusters;
    @Inject
    OperationStore operations;
    @Inject
    ClusterLocks locks;
    @Inject
    IdempotencyStore idempotency;

    @Test
    void theInjectedStoresWorkOnTheConfiguredTable() {
        ClusterSpec spec = new SpecGenerator(7).cluster();
        assertEquals(spec, clusters.create(spec).desired());
        assertEquals(spec, clusters.get(spec.name()).desired());

        Operation op = operations.create(new NewOperation(spec.name(), OperationType.CREATE_CLUSTER, "me", "{}"));
        assertEquals(op, operations.get(op.id()));
        operations.appendStep(op.id(), "Validate", null);
        assertEquals(1, operations.steps(op.id()).size());

        locks.acquire(spec.name(), "execution-1", op.id(), Duration.ofMinutes(5));
        assertThrows(LockHeldException.class,
                () -> locks.acquire(spec.name(), "execution-2", "op-2", Duration.ofMinutes(5)));

        assertEquals(new IdempotencyClaim.First(), idempotency.claim("wired", "{}", Duration.ofHours(1)));
    }
}
