package dev.ekslifecycle.local.events;

/** An EventBridge API error: its AWS error code and message, sent as HTTP 400 like every EventBridge client error. */
public final class EventsException extends Exception {

    private final String code;

    public EventsException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }

    static EventsException validation(String message) {
        return new EventsException("ValidationException", message);
    }

    static EventsException notFound(String message) {
        return new EventsException("ResourceNotFoundException", message);
    }
}
