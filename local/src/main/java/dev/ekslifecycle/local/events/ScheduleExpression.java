package dev.ekslifecycle.local.events;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A rule's {@code rate(...)} or {@code cron(...)} schedule: when it fires next. */
public interface ScheduleExpression {

    /** The first firing strictly after {@code after}, or empty when there is none (a cron of past years). */
    Optional<Instant> next(Instant after);

    /**
     * Parses a schedule as EventBridge accepts it.
     *
     * @throws EventsException ValidationException when it is not a valid expression
     */
    static ScheduleExpression parse(String text) throws EventsException {
        Matcher rate = Rate.PATTERN.matcher(text);
        if (rate.matches()) {
            return Rate.of(rate.group(1), rate.group(2));
        }
        if (text.startsWith("cron(") && text.endsWith(")")) {
            return CronSchedule.parse(text.substring(5, text.length() - 1));
        }
        throw invalid();
    }

    static EventsException invalid() {
        return EventsException.validation("Parameter ScheduleExpression is not valid.");
    }

    /**
     * {@code rate(N unit)}: every N minutes, hours or days; the unit is singular for 1 and plural otherwise, as
     * EventBridge requires. It first fires one period after the rule is scheduled.
     */
    record Rate(Duration period) implements ScheduleExpression {

        static final Pattern PATTERN = Pattern.compile("rate\\((\\d+) (minutes?|hours?|days?)\\)");

        static Rate of(String value, String unit) throws EventsException {
            long n;
            try {
                n = Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw invalid();
            }
            boolean plural = unit.endsWith("s");
            if (n < 1 || plural == (n == 1)) {
                throw invalid();
            }
            Duration one = switch (unit.charAt(0)) {
                case 'm' -> Duration.ofMinutes(1);
                case 'h' -> Duration.ofHours(1);
                default -> Duration.ofDays(1);
            };
            return new Rate(one.multipliedBy(n));
        }

        @Override
        public Optional<Instant> next(Instant after) {
            return Optional.of(after.plus(period));
        }
    }
}
