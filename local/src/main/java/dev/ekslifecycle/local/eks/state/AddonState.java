package dev.ekslifecycle.local.eks.state;

import dev.ekslifecycle.local.eks.model.Addon;
import java.time.Instant;

/** An add-on, its region and when its CREATING or DELETING ends. */
public record AddonState(String region, Addon addon, Instant dueAt) {
}
