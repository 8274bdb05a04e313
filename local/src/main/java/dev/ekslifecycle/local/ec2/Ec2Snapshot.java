package dev.ekslifecycle.local.ec2;

import java.util.List;
import java.util.Map;

/** The EC2 inventory's state as plain data, for saving with Jackson. */
public record Ec2Snapshot(long sequence, List<String> regions, List<Ec2Instance> instances,
                          Map<String, Integer> addressesUsed) {
}
