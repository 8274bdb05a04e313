package dev.ekslifecycle.local.events;

/**
 * A rule on a bus: an event pattern, a schedule or both. Immutable: PutRule, EnableRule and DisableRule replace it.
 */
public record Rule(String name, String busName, String arn, String eventPattern, ScheduleExpression schedule,
                   String scheduleText, boolean enabled, String description, String roleArn) {

    Rule withEnabled(boolean on) {
        return new Rule(name, busName, arn, eventPattern, schedule, scheduleText, on, description, roleArn);
    }
}
