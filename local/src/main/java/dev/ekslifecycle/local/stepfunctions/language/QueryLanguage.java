package dev.ekslifecycle.local.stepfunctions.language;

/** The query language of a state machine or a state. */
public enum QueryLanguage {
    JSONPATH("JSONPath"),
    JSONATA("JSONata");

    private final String wireName;

    QueryLanguage(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    static QueryLanguage fromWire(String name) {
        for (QueryLanguage q : values()) {
            if (q.wireName.equals(name)) {
                return q;
            }
        }
        return null;
    }
}
