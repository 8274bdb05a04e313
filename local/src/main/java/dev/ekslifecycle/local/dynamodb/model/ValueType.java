package dev.ekslifecycle.local.dynamodb.model;

/** The ten DynamoDB data types, with the names DynamoDB's messages use for them. */
public enum ValueType {
    S("STRING"), N("NUMBER"), B("BINARY"), BOOL("BOOLEAN"), NULL("NULL"), L("LIST"), M("MAP"),
    SS("SET"), NS("SET"), BS("SET");

    private final String operandName;

    ValueType(String operandName) {
        this.operandName = operandName;
    }

    /** How an "Incorrect operand type" message names this type, e.g. {@code STRING}. */
    public String operandName() {
        return operandName;
    }

    public boolean isSet() {
        return this == SS || this == NS || this == BS;
    }

    /** True for the types a key attribute may have. */
    public boolean isScalarKeyType() {
        return this == S || this == N || this == B;
    }

    /** The type named by {@code code} ({@code "S"}, {@code "BOOL"}, ...), or null. */
    public static ValueType fromCode(String code) {
        for (ValueType t : values()) {
            if (t.name().equals(code)) {
                return t;
            }
        }
        return null;
    }
}
