package dev.ekslifecycle.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With provisioned concurrency Lambda initialises environments before traffic reaches them, so the start itself
 * builds and primes every SDK client, as before a SnapStart snapshot, and still sends nothing to AWS (here a
 * counting endpoint).
 */
@QuarkusTest
@WithTestResource(CountingEndpoint.class)
@TestProfile(ProvisionedConcurrencyStartTest.ProvisionedConcurrency.class)
class ProvisionedConcurrencyStartTest {

    public static class ProvisionedConcurrency implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", SnapStartPriming.PROVISIONED_CONCURRENCY);
        }
    }

    @Test
    void startBuildsAndPrimesEverySdkClientWithoutSendingARequest() throws Exception {
        Map<String, Boolean> clients = StartedClients.built();
        assertFalse(clients.isEmpty(), "the application has SDK clients");
        clients.forEach((client, built) -> assertEquals(true, built, client + " was not built at start"));
        assertEquals(0, CountingEndpoint.requestsReceived(), "priming sent nothing");
    }
}
