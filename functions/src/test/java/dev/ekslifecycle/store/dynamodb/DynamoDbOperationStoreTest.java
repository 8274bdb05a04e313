package dev.ekslifecycle.store.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ekslifecycle.store.IllegalTransitionException;
import dev.ekslifecycle.store.InvalidPageTokenException;
import dev.ekslifecycle.store.NewOperation;
import dev.ekslifecycle.store.Operation;
import dev.ekslifecycle.store.OperationNotFoundException;
import dev.ekslifecycle.store.OperationStatus;
import dev.ekslifecycle.store.OperationStore;
import dev.ekslifecycle.store.OperationType;
import dev.ekslifecycle.store.Page;
import dev.ekslifecycle.store.StepEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DynamoDbOperationStoreTest extends OnLocalStateTable {

    private static final String EXECUTION = "arn:aws:states:us-east-1:000000000000:execution:create-cluster:";

    private final OperationStore operations = store.operations();

    private Operation create(String cluster) {
        return operations.create(new NewOperation(cluster, OperationType.CREATE_CLUSTER, "arn:aws:iam::123456789012:user/ops",
                "{\"name\":\"" + cluster + "\"}"));
    }

    @Test
    void aNewOperationIsPendingWithAnIdFromTheIdSource() {
        Operation op = create("orders");
        assertTrue(op.id().startsWith("op-"), op.id());
        assertEquals(OperationStatus.PENDING, op.status());
        assertEquals(local.clock.instant(), op.createdAt());
        assertEquals(0, op.stepCount());
        assertEquals(op, operations.get(op.id()));
    }

    @Test
    void anOperationRunsOnceAndEndsOnce() {
        Operation op = create("lifecycle");
        local.clock.advance(Duration.ofSeconds(1));
        Operation running = operations.markRunning(op.id(), EXECUTION + op.id());
        assertEquals(OperationStatus.RUNNING, running.status());
        assertEquals(EXECUTION + op.id(), running.executionArn());
        assertEquals(running.status(), operations.markRunning(op.id(), EXECUTION + op.id()).status(),
                "a retried step under the same execution is accepted");
        assertEquals(OperationStatus.RUNNING, assertThrows(IllegalTransitionException.class,
                () -> operations.markRunning(op.id(), EXECUTION + "other")).from());

        local.clock.advance(Duration.ofMinutes(12));
        Operation done = operations.finish(op.id(), OperationStatus.SUCCEEDED, null);
        assertEquals(OperationStatus.SUCCEEDED, done.status());
        assertEquals(local.clock.instant(), done.finishedAt());
        local.clock.advance(Duration.ofSeconds(1));
        assertEquals(done, operations.finish(op.id(), OperationStatus.SUCCEEDED, null), "a repeat changes nothing");
        assertEquals(OperationStatus.SUCCEEDED, assertThrows(IllegalTransitionException.class,
                () -> operations.finish(op.id(), OperationStatus.FAILED, "late")).from());
        assertThrows(IllegalTransitionException.class, () -> operations.markRunning(op.id(), EXECUTION + op.id()));
        assertEquals(done, operations.get(op.id()));
    }

    @Test
    void aPendingOperationCanBeCancelledWithAReason() {
        Operation op = create("cancel-me");
        Operation cancelled = operations.finish(op.id(), OperationStatus.CANCELLED, "superseded");
        assertEquals(OperationStatus.CANCELLED, cancelled.status());
        assertEquals("superseded", cancelled.error());
        assertNull(cancelled.executionArn());
        assertThrows(IllegalArgumentException.class, () -> operations.finish(op.id(), OperationStatus.RUNNING, null));
    }

    @Test
    void anUnknownOperationIsNotFound() {
        assertThrows(OperationNotFoundException.class, () -> operations.get("op-none"));
        assertThrows(OperationNotFoundException.class, () -> operations.markRunning("op-none", EXECUTION));
        assertThrows(OperationNotFoundException.class,
                () -> operations.finish("op-none", OperationStatus.FAILED, "x"));
        assertThrows(OperationNotFoundException.class, () -> operations.appendStep("op-none", "step", null));
    }

    @Test
    void theStepLogKeepsEveryEntryInOrder() {
        Operation op = create("audited");
        Instant t0 = local.clock.instant();
        operations.appendStep(op.id(), "TakeLock", "held by " + EXECUTION);
        local.clock.advance(Duration.ofMinutes(9));
        operations.appendStep(op.id(), "CreateCluster", null);
        operations.finish(op.id(), OperationStatus.FAILED, "AccessDenied");
        operations.appendStep(op.id(), "ReleaseLock", "after failure");
        assertEquals(List.of(new StepEntry(1, t0, "TakeLock", "held by " + EXECUTION),
                        new StepEntry(2, t0.plus(Duration.ofMinutes(9)), "CreateCluster", null),
                        new StepEntry(3, t0.plus(Duration.ofMinutes(9)), "ReleaseLock", "after failure")),
                operations.steps(op.id()));
        assertEquals(3, operations.get(op.id()).stepCount());
    }

    @Test
    void concurrentAppendsAllLandWithDistinctNumbers() throws Exception {
        for (int round = 0; round < 3; round++) {
            Operation op = create("parallel-" + round);
            int perThread = 3;
            Race.run(Race.CONTENDERS, i -> () -> {
                for (int k = 0; k < perThread; k++) {
                    operations.appendStep(op.id(), "branch-" + i, "entry " + k);
                }
                return null;
            }).forEach(o -> assertTrue(o.won(), () -> String.valueOf(o.failure())));
            List<StepEntry> steps = operations.steps(op.id());
            int total = Race.CONTENDERS * perThread;
            assertEquals(IntStream.rangeClosed(1, total).boxed().toList(),
                    steps.stream().map(StepEntry::sequence).toList());
            for (int i = 0; i < Race.CONTENDERS; i++) {
                String branch = "branch-" + i;
                assertEquals(List.of("entry 0", "entry 1", "entry 2"), steps.stream()
                        .filter(s -> s.name().equals(branch)).map(StepEntry::detail).toList(),
                        "each branch's entries in its own order");
            }
            assertEquals(total, operations.get(op.id()).stepCount());
        }
    }

    @Test
    void aClustersOperationsListNewestFirstPageByPageWithoutAScan() throws Exception {
        OperationStore own = local.newTable().operations();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            local.clock.advance(Duration.ofMinutes(1));
            created.add(own.create(new NewOperation("listed", OperationType.UPGRADE_CLUSTER, "me", "{}")).id());
            own.create(new NewOperation("neighbour", OperationType.UPGRADE_CLUSTER, "me", "{}"));
        }
        List<String> seen = new ArrayList<>();
        String token = null;
        do {
            Page<Operation> page = own.listForCluster("listed", 3, token);
            assertTrue(page.items().size() <= 3);
            page.items().forEach(op -> seen.add(op.id()));
            token = page.nextToken();
        } while (token != null);
        Collections.reverse(created);
        assertEquals(created, seen);
        assertFalse(local.operationsCalled.contains("Scan"));

        String neighbourToken = own.listForCluster("neighbour", 2, null).nextToken();
        assertThrows(InvalidPageTokenException.class, () -> own.listForCluster("listed", 2, neighbourToken),
                "a token of one cluster's listing does not page through another's");
    }
}
