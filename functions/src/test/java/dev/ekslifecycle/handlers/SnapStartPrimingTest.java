package dev.ekslifecycle.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eks.EksClient;

/**
 * The SnapStart hook builds and primes every SDK client of the application without one request reaching AWS (here
 * a counting endpoint), finishes promptly, and leaves the clients sending real requests afterwards.
 */
@QuarkusTest
@WithTestResource(CountingEndpoint.class)
class SnapStartPrimingTest {

    @Inject
    SnapStartPriming priming;

    @Inject
    EksClient eks;

    @Test
    void theSnapshotHookPrimesWithoutSendingAndLeavesNoState() throws Exception {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> priming.beforeCheckpoint(null));
        assertEquals(0, CountingEndpoint.requestsReceived(), "priming sent nothing");

        assertThrows(SdkException.class, () -> eks.describeCluster(r -> r.name("orders")));
        assertEquals(1, CountingEndpoint.requestsReceived(), "a real call after priming is sent");
    }

    @Test
    void primingPrimesEveryClientOfTheApplication() {
        // The preload list exists only in the packaged function (DeploymentPackageTest); PreloadListTest covers its use.
        assertEquals(StartedClients.built().size(), priming.prime("the test").clients());
    }
}
