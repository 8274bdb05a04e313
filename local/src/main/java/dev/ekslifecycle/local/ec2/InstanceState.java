package dev.ekslifecycle.local.ec2;

/** EC2 instance states with the codes DescribeInstances reports. */
public enum InstanceState {
    PENDING("pending", 0),
    RUNNING("running", 16),
    SHUTTING_DOWN("shutting-down", 32),
    TERMINATED("terminated", 48);

    private final String apiName;
    private final int code;

    InstanceState(String apiName, int code) {
        this.apiName = apiName;
        this.code = code;
    }

    public String apiName() {
        return apiName;
    }

    public int code() {
        return code;
    }

    /** True while the instance has not begun to go away. */
    public boolean alive() {
        return this == PENDING || this == RUNNING;
    }
}
