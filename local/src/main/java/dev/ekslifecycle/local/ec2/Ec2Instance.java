package dev.ekslifecycle.local.ec2;

import dev.ekslifecycle.local.aws.LocalAccount;
import java.time.Instant;
import java.util.Map;

/** One EC2 instance. Immutable: a state change replaces the record. */
public record Ec2Instance(
        String instanceId,
        String reservationId,
        String region,
        String instanceType,
        String imageId,
        String subnetId,
        String vpcId,
        String availabilityZone,
        String privateIpAddress,
        InstanceState state,
        Instant launchTime,
        String stateTransitionReason,
        Map<String, String> tags) {

    public Ec2Instance {
        tags = Map.copyOf(tags);
    }

    public Ec2Instance withState(InstanceState newState, String reason) {
        return new Ec2Instance(instanceId, reservationId, region, instanceType, imageId, subnetId, vpcId,
                availabilityZone, privateIpAddress, newState, launchTime, reason, tags);
    }

    /** The private DNS name, which is also the Kubernetes node name on EKS. */
    public String privateDnsName() {
        String host = "ip-" + privateIpAddress.replace('.', '-');
        return "us-east-1".equals(region) ? host + ".ec2.internal" : host + "." + region + ".compute.internal";
    }

    public String arn() {
        return "arn:aws:ec2:" + region + ":" + LocalAccount.ACCOUNT_ID + ":instance/" + instanceId;
    }
}
