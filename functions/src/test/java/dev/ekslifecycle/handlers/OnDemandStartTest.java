package dev.ekslifecycle.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An on-demand start (Lambda's default) builds no SDK client: each is built by its first call, so a handler whose
 * first request calls no AWS API never pays for one. A profile of its own gives this class a fresh application.
 */
@QuarkusTest
@TestProfile(OnDemandStartTest.OnDemand.class)
class OnDemandStartTest {

    public static class OnDemand implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        }
    }

    @Test
    void startsWithoutBuildingAnySdkClient() {
        Map<String, Boolean> clients = StartedClients.built();
        assertFalse(clients.isEmpty(), "the application has SDK clients");
        clients.forEach((client, built) -> assertEquals(false, built, client + " was built at start"));
    }
}
