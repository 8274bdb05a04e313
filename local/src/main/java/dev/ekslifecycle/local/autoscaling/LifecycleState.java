package dev.ekslifecycle.local.autoscaling;

/** The Auto Scaling lifecycle states an instance of a group goes through here. */
public enum LifecycleState {
    PENDING("Pending"),
    IN_SERVICE("InService"),
    TERMINATING("Terminating"),
    TERMINATED("Terminated");

    private final String apiName;

    LifecycleState(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    /** Counts toward the group's capacity. */
    public boolean counted() {
        return this == PENDING || this == IN_SERVICE;
    }
}
