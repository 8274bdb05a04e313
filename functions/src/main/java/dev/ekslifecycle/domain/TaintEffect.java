package dev.ekslifecycle.domain;

/** The Kubernetes taint effects in the spelling of the EKS API. */
public enum TaintEffect {
    NO_SCHEDULE,
    NO_EXECUTE,
    PREFER_NO_SCHEDULE
}
