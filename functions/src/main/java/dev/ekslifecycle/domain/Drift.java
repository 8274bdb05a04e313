package dev.ekslifecycle.domain;

/**
 * One way in which EKS disagrees with what we recorded: {@code path} names the part ({@code status},
 * {@code version}, {@code nodegroups[general].desiredSize}...), {@code recorded} and {@code observed} its two
 * values ({@code absent} when one side has no such part).
 */
public record Drift(String path, String recorded, String observed) {

    public static final String ABSENT = "absent";
}
