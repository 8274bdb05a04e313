package dev.ekslifecycle.local.eks.state;

import dev.ekslifecycle.local.eks.model.FargateProfile;
import java.time.Instant;

/** A Fargate profile, its region and when its CREATING or DELETING ends. */
public record FargateProfileState(String region, FargateProfile profile, Instant dueAt) {
}
