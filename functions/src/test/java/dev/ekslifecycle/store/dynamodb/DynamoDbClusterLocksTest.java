package dev.ekslifecycle.store.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ekslifecycle.store.ClusterLocks;
import dev.ekslifecycle.store.Lease;
import dev.ekslifecycle.store.LockHeldException;
import dev.ekslifecycle.store.LockNotHeldException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DynamoDbClusterLocksTest extends OnLocalStateTable {

    private static final Duration LEASE = Duration.ofMinutes(15);
    private static final String A = "arn:aws:states:us-east-1:000000000000:execution:create-cluster:a";
    private static final String B = "arn:aws:states:us-east-1:000000000000:execution:delete-cluster:b";

    private final ClusterLocks locks = store.locks();

    @Test
    void oneOwnerAtATimeAndTheRefusalNamesTheHolder() {
        Lease lease = locks.acquire("one-owner", A, "op-a", LEASE);
        assertEquals(new Lease("one-owner", A, "op-a", local.clock.instant().plus(LEASE)), lease);
        assertEquals(Optional.of(lease), locks.current("one-owner"));
        LockHeldException held = assertThrows(LockHeldException.class,
                () -> locks.acquire("one-owner", B, "op-b", LEASE));
        assertEquals(lease, held.holder());
        assertEquals(lease, locks.current("one-owner").orElseThrow(), "a refused taker changes nothing");
    }

    @Test
    void theOwnerMayTakeItAgainRenewAndRelease() {
        locks.acquire("renewed", A, "op-a", LEASE);
        local.clock.advance(Duration.ofMinutes(10));
        Lease again = locks.acquire("renewed", A, "op-a", LEASE);
        assertEquals(local.clock.instant().plus(LEASE), again.expiresAt());
        local.clock.advance(Duration.ofMinutes(10));
        Lease renewed = locks.renew("renewed", A, LEASE);
        assertEquals(local.clock.instant().plus(LEASE), renewed.expiresAt());
        assertEquals("op-a", renewed.operationId());
        assertThrows(LockNotHeldException.class, () -> locks.release("renewed", B));
        locks.release("renewed", A);
        assertEquals(Optional.empty(), locks.current("renewed"));
        locks.release("renewed", A);
        assertThrows(LockNotHeldException.class, () -> locks.renew("renewed", A, LEASE));
    }

    @Test
    void anExpiredLeaseIsTakenOverAndItsOldOwnerLosesIt() {
        locks.acquire("abandoned", A, "op-a", LEASE);
        local.clock.advance(LEASE.minusSeconds(1));
        assertThrows(LockHeldException.class, () -> locks.acquire("abandoned", B, "op-b", LEASE));
        local.clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.empty(), locks.current("abandoned"), "the lease ran out");
        Lease taken = locks.acquire("abandoned", B, "op-b", LEASE);
        LockNotHeldException lost = assertThrows(LockNotHeldException.class,
                () -> locks.renew("abandoned", A, LEASE));
        assertEquals(Optional.of(taken), lost.holder());
        assertThrows(LockNotHeldException.class, () -> locks.release("abandoned", A));
        assertEquals(Optional.of(taken), locks.current("abandoned"));
    }

    @Test
    void theOwnerMayRenewAnExpiredLeaseNobodyTook() {
        locks.acquire("late-renewal", A, "op-a", LEASE);
        local.clock.advance(LEASE.plusMinutes(5));
        assertEquals(local.clock.instant().plus(LEASE), locks.renew("late-renewal", A, LEASE).expiresAt());
    }

    @Test
    void ofManyTakersOfAFreeLockExactlyOneWins() throws Exception {
        for (int round = 0; round < Race.ROUNDS; round++) {
            String cluster = "free-" + round;
            assertExactlyOneWinner(cluster, Race.run(Race.CONTENDERS,
                    i -> () -> locks.acquire(cluster, "execution-" + i, "op-" + i, LEASE)));
        }
    }

    @Test
    void ofManyTakersOfAnExpiredLeaseExactlyOneWins() throws Exception {
        for (int round = 0; round < Race.ROUNDS; round++) {
            String cluster = "expired-" + round;
            locks.acquire(cluster, "dead-owner", "op-dead", Duration.ofSeconds(30));
            local.clock.advance(Duration.ofSeconds(31));
            assertExactlyOneWinner(cluster, Race.run(Race.CONTENDERS,
                    i -> () -> locks.acquire(cluster, "execution-" + i, "op-" + i, LEASE)));
        }
    }

    private void assertExactlyOneWinner(String cluster, List<Race.Outcome<Lease>> outcomes) {
        List<Lease> winners = outcomes.stream().filter(Race.Outcome::won).map(Race.Outcome::result).toList();
        assertEquals(1, winners.size(), cluster);
        for (Race.Outcome<Lease> o : outcomes) {
            if (!o.won()) {
                assertEquals(winners.get(0), assertInstanceOf(LockHeldException.class, o.failure()).holder());
            }
        }
        assertEquals(Optional.of(winners.get(0)), locks.current(cluster));
    }
}
