package dev.ekslifecycle.domain;

/** An IAM principal given access to the cluster through an EKS access policy (its ARN). */
public record AccessEntrySpec(String principalArn, String policy) {
}
