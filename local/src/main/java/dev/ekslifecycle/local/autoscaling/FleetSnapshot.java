package dev.ekslifecycle.local.autoscaling;

import java.util.List;
import java.util.Map;

/** The node groups' records and which instance is which node, as plain data for saving with Jackson. */
public record FleetSnapshot(List<FleetRecord> fleets, Map<String, String> nodeNames) {
}
