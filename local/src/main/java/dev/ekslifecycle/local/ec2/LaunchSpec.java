package dev.ekslifecycle.local.ec2;

import java.util.Map;

/** What to launch: one instance of a type into a subnet, with tags. */
public record LaunchSpec(String subnetId, String instanceType, String imageId, Map<String, String> tags) {

    public LaunchSpec {
        tags = Map.copyOf(tags);
    }
}
