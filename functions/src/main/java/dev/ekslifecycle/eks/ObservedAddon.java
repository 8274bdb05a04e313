package dev.ekslifecycle.eks;

/** An add-on as EKS describes it now: status is CREATING, ACTIVE, DEGRADED, CREATE_FAILED, UPDATING, DELETING... */
public record ObservedAddon(String name, String version, String status) {
}
