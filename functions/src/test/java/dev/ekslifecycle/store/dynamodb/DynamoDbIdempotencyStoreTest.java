package dev.ekslifecycle.store.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ekslifecycle.store.IdempotencyClaim;
import dev.ekslifecycle.store.IdempotencyClaimNotFoundException;
import dev.ekslifecycle.store.IdempotencyKeyReusedException;
import dev.ekslifecycle.store.IdempotencyStore;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class DynamoDbIdempotencyStoreTest extends OnLocalStateTable {

    private static final Duration DAY = Duration.ofDays(1);
    private static final String REQUEST = "{\"name\":\"orders\",\"version\":\"1.31\"}";
    private static final String OTHER = "{\"name\":\"orders\",\"version\":\"1.32\"}";

    private final IdempotencyStore keys = store.idempotency();

    @Test
    void theSameRequestGetsTheFirstResult() {
        assertEquals(new IdempotencyClaim.First(), keys.claim("k-same", REQUEST, DAY));
        assertEquals(new IdempotencyClaim.InProgress(), keys.claim("k-same", REQUEST, DAY));
        keys.complete("k-same", REQUEST, "{\"operationId\":\"op-1\"}");
        assertEquals(new IdempotencyClaim.Completed("{\"operationId\":\"op-1\"}"), keys.claim("k-same", REQUEST, DAY));
    }

    @Test
    void aDifferentRequestWithTheKeyIsRefused() {
        keys.claim("k-other", REQUEST, DAY);
        assertThrows(IdempotencyKeyReusedException.class, () -> keys.claim("k-other", OTHER, DAY));
        assertThrows(IdempotencyKeyReusedException.class, () -> keys.complete("k-other", OTHER, "x"));
        keys.complete("k-other", REQUEST, "first");
        assertThrows(IdempotencyKeyReusedException.class, () -> keys.claim("k-other", OTHER, DAY));
        assertEquals(new IdempotencyClaim.Completed("first"), keys.claim("k-other", REQUEST, DAY));
    }

    @Test
    void anExpiredKeyIsFreeAgainBeforeDynamoDbDeletesIt() {
        keys.claim("k-expiring", REQUEST, Duration.ofHours(1));
        keys.complete("k-expiring", REQUEST, "first");
        local.clock.advance(Duration.ofMinutes(59));
        assertThrows(IdempotencyKeyReusedException.class, () -> keys.claim("k-expiring", OTHER, DAY));
        local.clock.advance(Duration.ofMinutes(1));
        assertEquals(new IdempotencyClaim.First(), keys.claim("k-expiring", OTHER, DAY));
    }

    @Test
    void resultsNeedAClaim() {
        assertThrows(IdempotencyClaimNotFoundException.class, () -> keys.complete("k-unclaimed", REQUEST, "x"));
        keys.claim("k-lapsed", REQUEST, Duration.ofSeconds(10));
        local.clock.advance(Duration.ofSeconds(10));
        assertThrows(IdempotencyClaimNotFoundException.class, () -> keys.complete("k-lapsed", REQUEST, "x"));
    }

    @Test
    void anAbandonedClaimLetsARetryDoTheWorkButACompletedOneStays() {
        keys.claim("k-abandoned", REQUEST, DAY);
        keys.abandon("k-abandoned", OTHER);
        assertEquals(new IdempotencyClaim.InProgress(), keys.claim("k-abandoned", REQUEST, DAY),
                "another request's abandon drops nothing");
        keys.abandon("k-abandoned", REQUEST);
        assertEquals(new IdempotencyClaim.First(), keys.claim("k-abandoned", REQUEST, DAY));
        keys.complete("k-abandoned", REQUEST, "done");
        keys.abandon("k-abandoned", REQUEST);
        assertEquals(new IdempotencyClaim.Completed("done"), keys.claim("k-abandoned", REQUEST, DAY));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void aKeyIsNeeded(String key) {
        assertThrows(IllegalArgumentException.class, () -> keys.claim(key, REQUEST, DAY));
    }

    @Test
    void ofManyCallersWithOneKeyAndRequestExactlyOneDoesTheWork() throws Exception {
        for (int round = 0; round < Race.ROUNDS; round++) {
            String key = "k-race-same-" + round;
            List<Race.Outcome<IdempotencyClaim>> outcomes = Race.run(Race.CONTENDERS,
                    i -> () -> keys.claim(key, REQUEST, DAY));
            outcomes.forEach(o -> assertEquals(null, o.failure()));
            assertEquals(1, outcomes.stream().filter(o -> o.result() instanceof IdempotencyClaim.First).count());
            assertEquals(Race.CONTENDERS - 1, outcomes.stream()
                    .filter(o -> o.result() instanceof IdempotencyClaim.InProgress).count());
        }
    }

    @Test
    void ofManyCallersWithOneKeyAndDifferentRequestsExactlyOneIsAccepted() throws Exception {
        for (int round = 0; round < Race.ROUNDS; round++) {
            String key = "k-race-different-" + round;
            List<Race.Outcome<IdempotencyClaim>> outcomes = Race.run(Race.CONTENDERS,
                    i -> () -> keys.claim(key, "{\"request\":" + i + "}", DAY));
            assertEquals(1, outcomes.stream().filter(Race.Outcome::won).count());
            outcomes.stream().filter(o -> !o.won())
                    .forEach(o -> assertInstanceOf(IdempotencyKeyReusedException.class, o.failure()));
        }
    }
}
