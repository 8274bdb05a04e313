package dev.ekslifecycle.local.demo;

import dev.ekslifecycle.local.aws.LocalAccount;
import dev.ekslifecycle.local.cloud.LocalCloud;
import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.Subnet;

/** Starts the local cloud, runs the {@link DemoScenario} against it, stops it. */
public final class Demo {

    private Demo() {
    }

    /** Returns true when every act succeeded. */
    public static boolean run(LocalCloud.Options options, PrintStream out) throws Exception {
        try (LocalCloud cloud = LocalCloud.start(options);
             Ec2Client ec2 = Ec2Client.builder().endpointOverride(URI.create(cloud.edgeUrl()))
                     .region(Region.of(LocalAccount.DEFAULT_REGION))
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("demo", "demo")))
                     .httpClient(UrlConnectionHttpClient.create()).build()) {
            out.println("local cloud up: edge " + cloud.edgeUrl() + ", API " + cloud.apiUrl());
            List<String> privateSubnets = ec2.describeSubnets().subnets().stream()
                    .filter(s -> !Boolean.TRUE.equals(s.mapPublicIpOnLaunch())).map(Subnet::subnetId).toList();
            SignedApiClient api = new SignedApiClient(cloud.apiUrl(), LocalAccount.DEFAULT_REGION, "platform-team");
            return new DemoScenario(api, options.clock(), () -> runningInstances(ec2), out).run(privateSubnets);
        }
    }

    private static int runningInstances(Ec2Client ec2) {
        return (int) ec2.describeInstances().reservations().stream().flatMap(r -> r.instances().stream())
                .filter(i -> i.state().name() == InstanceStateName.RUNNING).count();
    }
}
