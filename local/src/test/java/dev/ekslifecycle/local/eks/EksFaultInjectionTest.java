package dev.ekslifecycle.local.eks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ekslifecycle.local.faults.FaultRule;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.eks.model.EksException;
import software.amazon.awssdk.services.eks.model.ResourceLimitExceededException;
import software.amazon.awssdk.services.eks.model.ServerException;

/** Errors injected through the shared fault injector reach the SDK as EKS sends them. */
class EksFaultInjectionTest extends ManualClockEksTest {

    @BeforeEach
    void start() {
        h.activeCluster("c", "1.30");
    }

    @ParameterizedTest
    @CsvSource({"ThrottlingException,429", "ServerException,500", "ResourceLimitExceededException,400",
        "ServiceUnavailableException,503"})
    void anInjectedErrorArrivesWithItsCodeAndStatus(String code, int status) {
        h.faults.add(FaultRule.nextCalls("eks", "DescribeCluster", code, status, 1));

        var e = assertThrows(EksException.class, () -> h.eks.describeCluster(b -> b.name("c")));
        assertEquals(code, e.awsErrorDetails().errorCode());
        assertEquals(status, e.statusCode());
        assertEquals("c", h.eks.describeCluster(b -> b.name("c")).cluster().name(), "the fault fired once");
    }

    @Test
    void theSdkMapsModelledErrorsToTheirExceptionTypes() {
        h.faults.add(FaultRule.nextCalls("eks", "CreateCluster", "ResourceLimitExceededException", 400, 1));
        h.faults.add(FaultRule.nextCalls("eks", "ListClusters", "ServerException", 500, 1));

        assertThrows(ResourceLimitExceededException.class,
                () -> h.eks.createCluster(EksHarness.cluster("more").build()));
        assertThrows(ServerException.class, () -> h.eks.listClusters(b -> { }));
    }

    @Test
    void faultsTargetOneClusterByName() {
        h.activeCluster("other", "1.30");
        h.faults.add(new FaultRule("eks", "UpdateClusterVersion", "other", "ThrottlingException", 429, null, 1.0, -1,
                Duration.ZERO));

        assertThrows(EksException.class, () -> h.eks.updateClusterVersion(b -> b.name("other").version("1.31")));
        assertEquals("InProgress", h.eks.updateClusterVersion(b -> b.name("c").version("1.31")).update()
                .statusAsString());
    }
}
