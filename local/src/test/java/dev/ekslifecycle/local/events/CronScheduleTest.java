package dev.ekslifecycle.local.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** EventBridge cron expressions as data: the next firing after a given instant, in UTC. */
class CronScheduleTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("0 10 * * ? *", "2026-11-25T09:59:00Z", "2026-11-25T10:00:00Z"),
                Arguments.of("0 10 * * ? *", "2026-11-25T10:00:00Z", "2026-11-26T10:00:00Z"),
                Arguments.of("15 10 ? * 6L 2026-2027", "2026-11-01T00:00:00Z", "2026-11-27T10:15:00Z"),
                Arguments.of("0 18 ? * MON-FRI *", "2026-11-27T18:30:00Z", "2026-11-30T18:00:00Z"),
                Arguments.of("0/10 * ? * * *", "2026-11-25T10:03:20Z", "2026-11-25T10:10:00Z"),
                Arguments.of("0 8 1 * ? *", "2026-11-25T00:00:00Z", "2026-12-01T08:00:00Z"),
                Arguments.of("0 0 L * ? *", "2027-02-01T00:00:00Z", "2027-02-28T00:00:00Z"),
                Arguments.of("0 0 LW * ? *", "2026-05-01T00:00:00Z", "2026-05-29T00:00:00Z"),
                Arguments.of("0 0 1W * ? *", "2026-08-01T00:00:00Z", "2026-08-03T00:00:00Z"),
                Arguments.of("0 9 ? * 2#1 *", "2026-11-25T00:00:00Z", "2026-12-07T09:00:00Z"),
                Arguments.of("30 2 ? JAN,JUL SUN 2028", "2026-11-25T00:00:00Z", "2028-01-02T02:30:00Z"),
                Arguments.of("0 12 29 2 ? *", "2026-03-01T00:00:00Z", "2028-02-29T12:00:00Z"));
    }

    @ParameterizedTest(name = "cron({0}) after {1}")
    @MethodSource("cases")
    void nextFiring(String cron, String after, String expected) throws Exception {
        ScheduleExpression schedule = ScheduleExpression.parse("cron(" + cron + ")");
        assertEquals(Instant.parse(expected), schedule.next(Instant.parse(after)).orElseThrow());
    }

    @Test
    void aCronOfPastYearsNeverFires() throws Exception {
        ScheduleExpression schedule = ScheduleExpression.parse("cron(0 0 * * ? 2020)");
        assertEquals(java.util.Optional.empty(), schedule.next(Instant.parse("2026-01-01T00:00:00Z")));
    }
}
