package dev.ekslifecycle.local.faults;

/**
 * A fault rule refused when it is made, naming the {@link FaultRule} field at fault, so a caller such as the control
 * API can report it under its own name for that field.
 */
public final class InvalidFaultRule extends IllegalArgumentException {

    private final String field;
    private final String reason;

    InvalidFaultRule(String field, String reason) {
        super(field + " " + reason);
        this.field = field;
        this.reason = reason;
    }

    /** The {@link FaultRule} component that is wrong, for example {@code latency}. */
    public String field() {
        return field;
    }

    /** What is wrong with it, without the field's name: "must not be negative, not -5 ms". */
    public String reason() {
        return reason;
    }
}
