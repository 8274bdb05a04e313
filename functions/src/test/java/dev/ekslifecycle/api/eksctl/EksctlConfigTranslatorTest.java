package dev.ekslifecycle.api.eksctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ekslifecycle.domain.CapacityType;
import dev.ekslifecycle.domain.ClusterSpec;
import dev.ekslifecycle.domain.NodeGroupSpec;
import dev.ekslifecycle.domain.Problem;
import dev.ekslifecycle.domain.TaintEffect;
import dev.ekslifecycle.domain.json.ClusterSpecJson;
import dev.ekslifecycle.domain.json.SpecCheck;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EksctlConfigTranslatorTest {

    private final EksctlConfigTranslator translator = new EksctlConfigTranslator("us-east-1");

    @Test
    void mapsAFullClusterConfigOntoAValidSpec() throws IOException {
        EksctlTranslation translation = translator.translate(resource("/eksctl/full.yaml"));
        assertEquals(List.of(), translation.problems());

        SpecCheck check = ClusterSpecJson.check(translation.spec(), translation);
        assertEquals(List.of(), check.problems());
        ClusterSpec spec = check.spec();
        assertEquals("payments-prod", spec.name());
        assertEquals("1.31", spec.version().toString());
        assertEquals(List.of("subnet-0aaa0000000000001", "subnet-0bbb0000000000002", "subnet-0ccc0000000000003"),
                spec.subnetIds());
        assertEquals(List.of("sg-0123456789abcdef0"), spec.securityGroupIds());
        assertEquals(false, spec.endpointPublicAccess());
        assertEquals(List.of("api", "audit"), spec.logging());
        NodeGroupSpec general = spec.nodegroups().get(0);
        assertEquals(List.of("m6i.large"), general.instanceTypes());
        assertEquals(3, general.desiredSize());
        assertEquals("AL2023_x86_64_STANDARD", general.amiType());
        assertEquals(TaintEffect.NO_SCHEDULE, general.taints().get(0).effect());
        assertEquals(25, general.maxUnavailablePercentage());
        assertEquals(CapacityType.SPOT, spec.nodegroups().get(1).capacityType());
        assertEquals("batch", spec.fargateProfiles().get(0).selectors().get(0).namespace());
        assertEquals("v1.11.3-eksbuild.1", spec.addons().get(1).version());
        assertEquals("arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy",
                spec.accessEntries().get(0).policy());
        assertTrue(spec.deletionProtection(), "our defaults apply to what eksctl does not say");
        assertEquals("us-east-1b", translation.find("subnet-0bbb0000000000002").orElseThrow().availabilityZone());
    }

    static Stream<Arguments> unsupported() {
        return Stream.of(
                Arguments.of("metadata:\n  name: a\n  annotations: {x: y}\n", "metadata.annotations"),
                Arguments.of("vpc:\n  nat: {gateway: Single}\n", "vpc.nat"),
                Arguments.of("managedNodeGroups:\n  - name: a\n    volumeSize: 80\n", "managedNodeGroups[0].volumeSize"),
                Arguments.of("nodeGroups:\n  - name: self-managed\n", "nodeGroups"),
                Arguments.of("iam:\n  withOIDC: true\n", "iam.withOIDC"),
                Arguments.of("metadata:\n  name: a\n  region: eu-west-1\n", "metadata.region"),
                Arguments.of("accessConfig:\n  authenticationMode: CONFIG_MAP\n", "accessConfig.authenticationMode"),
                Arguments.of("managedNodeGroups:\n  - name: a\n    amiFamily: Windows2022\n",
                        "managedNodeGroups[0].amiFamily"),
                Arguments.of("vpc:\n  subnets:\n    private:\n      us-east-1a: {cidr: 10.0.0.0/24}\n",
                        "vpc.subnets.private[\"us-east-1a\"].cidr"));
    }

    @ParameterizedTest
    @MethodSource("unsupported")
    void refusesWhatItCannotHonourByPath(String fragment, String path) {
        String yaml = "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\n" + fragment;
        List<Problem> problems = translator.translate(yaml).problems();
        assertTrue(problems.stream().anyMatch(p -> p.path().equals(path)), path + " not in " + problems);
    }

    @Test
    void refusesSomethingThatIsNotAClusterConfig() {
        assertEquals("$", translator.translate("- just\n- a list\n").problems().get(0).path());
        assertEquals("$", translator.translate("key: [unclosed").problems().get(0).path());
        List<Problem> problems = translator.translate("apiVersion: v1\nkind: Pod\n").problems();
        assertEquals(List.of("apiVersion", "kind"), problems.stream().map(Problem::path).toList());
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = EksctlConfigTranslatorTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
