package dev.ekslifecycle.local.eks.model;

/** {@code STANDARD}: upgraded automatically when standard support ends; {@code EXTENDED}: kept, at a higher price. */
public record UpgradePolicy(String supportType) {
}
