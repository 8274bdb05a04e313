package dev.ekslifecycle.local.cloud.template;

/**
 * A template the local cloud cannot run: it names where (a resource and property, a parameter, a condition) and
 * why. Start-up stops on it; nothing in a template is ever skipped silently.
 */
public final class TemplateException extends RuntimeException {

    private final String location;

    public TemplateException(String location, String problem) {
        super(location + ": " + problem);
        this.location = location;
    }

    /** For example {@code Resources.StateTable.Properties.KeySchema[0]}. */
    public String location() {
        return location;
    }
}
