package dev.ekslifecycle.local.stepfunctions.language;

/** Wait: for a number of seconds or until a timestamp. */
public final class WaitState extends State {

    private final DynamicValue seconds;
    private final DynamicValue timestamp;

    WaitState(Common common, DynamicValue seconds, DynamicValue timestamp) {
        super(common);
        this.seconds = seconds;
        this.timestamp = timestamp;
    }

    @Override
    public String type() {
        return "Wait";
    }

    /** Seconds or SecondsPath; null when the state waits for a timestamp. */
    public DynamicValue seconds() {
        return seconds;
    }

    /** Timestamp or TimestampPath; null when the state waits for seconds. */
    public DynamicValue timestamp() {
        return timestamp;
    }
}
