package dev.ekslifecycle.local.stepfunctions.language;

/** Task: calls a resource (a Lambda function, a service integration, an activity). */
public final class TaskState extends State {

    private final String resource;
    private final DynamicValue timeoutSeconds;
    private final DynamicValue heartbeatSeconds;

    TaskState(Common common, String resource, DynamicValue timeoutSeconds, DynamicValue heartbeatSeconds) {
        super(common);
        this.resource = resource;
        this.timeoutSeconds = timeoutSeconds;
        this.heartbeatSeconds = heartbeatSeconds;
    }

    @Override
    public String type() {
        return "Task";
    }

    public String resource() {
        return resource;
    }

    /** TimeoutSeconds(Path), or null (AWS's default is 99999999 seconds). */
    public DynamicValue timeoutSeconds() {
        return timeoutSeconds;
    }

    /** HeartbeatSeconds(Path), or null. */
    public DynamicValue heartbeatSeconds() {
        return heartbeatSeconds;
    }
}
