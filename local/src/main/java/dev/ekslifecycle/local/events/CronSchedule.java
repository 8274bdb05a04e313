package dev.ekslifecycle.local.events;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * EventBridge's six-field cron, in UTC: minutes, hours, day-of-month, month, day-of-week, year. Supports
 * {@code , - * /}, month and day names, {@code ?} (exactly one of the two day fields must be it), {@code L} and
 * {@code W} in day-of-month ({@code L}, {@code LW}, {@code 15W}), and {@code L} and {@code #} in day-of-week
 * ({@code 6L} is the last Friday, {@code 2#1} the first Monday; Sunday is 1).
 */
final class CronSchedule implements ScheduleExpression {

    private static final List<String> MONTHS =
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    private static final int LAST_YEAR = 2199;

    private final BitSet minutes;
    private final BitSet hours;
    private final DayOfMonth dayOfMonth;
    private final BitSet months;
    private final DayOfWeekField dayOfWeek;
    private final BitSet years;

    private CronSchedule(BitSet minutes, BitSet hours, DayOfMonth dayOfMonth, BitSet months,
                         DayOfWeekField dayOfWeek, BitSet years) {
        this.minutes = minutes;
        this.hours = hours;
        this.dayOfMonth = dayOfMonth;
        this.months = months;
        this.dayOfWeek = dayOfWeek;
        this.years = years;
    }

    static CronSchedule parse(String body) throws EventsException {
        String[] f = body.trim().split("\\s+");
        if (f.length != 6 || f[2].equals("?") == f[4].equals("?")) {
            throw ScheduleExpression.invalid();
        }
        return new CronSchedule(
                values(f[0], 0, 59, List.of(), 0),
                values(f[1], 0, 23, List.of(), 0),
                DayOfMonth.parse(f[2]),
                values(f[3], 1, 12, MONTHS, 1),
                DayOfWeekField.parse(f[4]),
                values(f[5], 1970, LAST_YEAR, List.of(), 0));
    }

    @Override
    public Optional<Instant> next(Instant after) {
        LocalDateTime from = LocalDateTime.ofInstant(after, ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES)
                .plusMinutes(1);
        for (LocalDate day = from.toLocalDate(); day.getYear() <= LAST_YEAR; day = day.plusDays(1)) {
            if (!years.get(day.getYear())) {
                day = LocalDate.of(day.getYear(), 12, 31);
                continue;
            }
            if (!months.get(day.getMonthValue()) || !dayOfMonth.matches(day) || !dayOfWeek.matches(day)) {
                continue;
            }
            int fromMinute = day.equals(from.toLocalDate()) ? from.getHour() * 60 + from.getMinute() : 0;
            for (int minuteOfDay = fromMinute; minuteOfDay < 24 * 60; minuteOfDay++) {
                if (hours.get(minuteOfDay / 60) && minutes.get(minuteOfDay % 60)) {
                    return Optional.of(day.atStartOfDay().plusMinutes(minuteOfDay).toInstant(ZoneOffset.UTC));
                }
            }
        }
        return Optional.empty();
    }

    /** A field of {@code *}, values, names, ranges and steps, as the set of values it allows. */
    static BitSet values(String field, int min, int max, List<String> names, int firstNameValue)
            throws EventsException {
        BitSet out = new BitSet(max + 1);
        for (String part : field.split(",", -1)) {
            String[] step = part.split("/", -1);
            if (step.length > 2) {
                throw ScheduleExpression.invalid();
            }
            int increment = step.length == 2 ? number(step[1], 1, max) : 1;
            int from;
            int to;
            if (step[0].equals("*")) {
                from = min;
                to = max;
            } else if (step[0].contains("-")) {
                String[] range = step[0].split("-", -1);
                if (range.length != 2) {
                    throw ScheduleExpression.invalid();
                }
                from = value(range[0], min, max, names, firstNameValue);
                to = value(range[1], min, max, names, firstNameValue);
            } else {
                from = value(step[0], min, max, names, firstNameValue);
                to = step.length == 2 ? max : from;
            }
            if (from > to) {
                throw ScheduleExpression.invalid();
            }
            for (int v = from; v <= to; v += increment) {
                out.set(v);
            }
        }
        return out;
    }

    private static int value(String text, int min, int max, List<String> names, int firstNameValue)
            throws EventsException {
        int byName = names.indexOf(text.toUpperCase(java.util.Locale.ROOT));
        return byName >= 0 ? byName + firstNameValue : number(text, min, max);
    }

    private static int number(String text, int min, int max) throws EventsException {
        try {
            int n = Integer.parseInt(text);
            if (n < min || n > max) {
                throw ScheduleExpression.invalid();
            }
            return n;
        } catch (NumberFormatException e) {
            throw ScheduleExpression.invalid();
        }
    }

    /** Day-of-month: {@code ?}, a value set, {@code L} (last day), {@code LW} or {@code nW} (nearest weekday). */
    private record DayOfMonth(boolean any, BitSet days, boolean last, int nearestWeekdayTo, boolean lastWeekday) {

        static DayOfMonth parse(String f) throws EventsException {
            if (f.equals("?")) {
                return new DayOfMonth(true, null, false, 0, false);
            }
            if (f.equals("L")) {
                return new DayOfMonth(false, null, true, 0, false);
            }
            if (f.equals("LW")) {
                return new DayOfMonth(false, null, false, 0, true);
            }
            if (f.endsWith("W")) {
                return new DayOfMonth(false, null, false, number(f.substring(0, f.length() - 1), 1, 31), false);
            }
            return new DayOfMonth(false, values(f, 1, 31, List.of(), 0), false, 0, false);
        }

        boolean matches(LocalDate day) {
            LocalDate lastDay = day.with(TemporalAdjusters.lastDayOfMonth());
            if (any) {
                return true;
            }
            if (last) {
                return day.equals(lastDay);
            }
            if (lastWeekday) {
                return day.equals(nearestWeekday(lastDay));
            }
            if (nearestWeekdayTo > 0) {
                return nearestWeekdayTo <= lastDay.getDayOfMonth()
                        && day.equals(nearestWeekday(day.withDayOfMonth(nearestWeekdayTo)));
            }
            return days.get(day.getDayOfMonth());
        }

        /** The weekday nearest to {@code target} within its month. */
        private static LocalDate nearestWeekday(LocalDate target) {
            DayOfWeek dow = target.getDayOfWeek();
            if (dow == DayOfWeek.SATURDAY) {
                return target.getDayOfMonth() == 1 ? target.plusDays(2) : target.minusDays(1);
            }
            if (dow == DayOfWeek.SUNDAY) {
                boolean lastOfMonth = target.equals(target.with(TemporalAdjusters.lastDayOfMonth()));
                return lastOfMonth ? target.minusDays(2) : target.plusDays(1);
            }
            return target;
        }
    }

    /** Day-of-week (1 = Sunday): {@code ?}, a value set, {@code L} (Saturday), {@code nL} or {@code n#k}. */
    private record DayOfWeekField(boolean any, BitSet days, int lastOf, int nth, int nthDay) {

        static DayOfWeekField parse(String f) throws EventsException {
            if (f.equals("?")) {
                return new DayOfWeekField(true, null, 0, 0, 0);
            }
            if (f.equals("L")) {
                return new DayOfWeekField(false, values("7", 1, 7, DAYS, 1), 0, 0, 0);
            }
            if (f.endsWith("L")) {
                return new DayOfWeekField(false, null, value(f.substring(0, f.length() - 1), 1, 7, DAYS, 1), 0, 0);
            }
            int hash = f.indexOf('#');
            if (hash > 0) {
                return new DayOfWeekField(false, null, 0, number(f.substring(hash + 1), 1, 5),
                        value(f.substring(0, hash), 1, 7, DAYS, 1));
            }
            return new DayOfWeekField(false, values(f, 1, 7, DAYS, 1), 0, 0, 0);
        }

        boolean matches(LocalDate day) {
            int dow = day.getDayOfWeek().getValue() % 7 + 1;
            if (any) {
                return true;
            }
            if (lastOf > 0) {
                return dow == lastOf && day.plusWeeks(1).getMonth() != day.getMonth();
            }
            if (nth > 0) {
                return dow == nthDay && (day.getDayOfMonth() - 1) / 7 + 1 == nth;
            }
            return days.get(dow);
        }
    }
}
