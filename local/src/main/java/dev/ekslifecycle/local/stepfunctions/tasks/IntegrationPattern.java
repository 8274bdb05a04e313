package dev.ekslifecycle.local.stepfunctions.tasks;

/** How a Task waits for its service: answer only, until the job ends ({@code .sync}), or for a task token. */
public enum IntegrationPattern {
    REQUEST_RESPONSE(""),
    RUN_JOB(".sync"),
    RUN_JOB_JSON(".sync:2"),
    WAIT_FOR_TASK_TOKEN(".waitForTaskToken");

    private final String suffix;

    IntegrationPattern(String suffix) {
        this.suffix = suffix;
    }

    public String suffix() {
        return suffix;
    }

    public boolean isSync() {
        return this == RUN_JOB || this == RUN_JOB_JSON;
    }
}
