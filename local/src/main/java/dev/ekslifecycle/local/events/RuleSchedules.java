package dev.ekslifecycle.local.events;

import dev.ekslifecycle.local.clock.SimulationClock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Fires scheduled rules on the shared clock. Timers are background timers: a virtual clock fires them when time
 * passes them but never jumps to them on its own, so an idle local cloud does not spin through its schedules.
 */
final class RuleSchedules {

    private final SimulationClock clock;
    private final Consumer<Rule> onFire;
    private final Map<String, Slot> slots = new HashMap<>();

    RuleSchedules(SimulationClock clock, Consumer<Rule> onFire) {
        this.clock = clock;
        this.onFire = onFire;
    }

    /** Starts, restarts or stops the rule's schedule to follow its current definition. */
    synchronized void update(Rule rule) {
        stop(rule.arn());
        if (rule.enabled() && rule.schedule() != null) {
            Slot slot = new Slot(rule);
            slots.put(rule.arn(), slot);
            armNext(slot, clock.instant());
        }
    }

    synchronized void stop(String ruleArn) {
        Slot slot = slots.remove(ruleArn);
        if (slot != null && slot.timer != null) {
            slot.timer.cancel();
        }
    }

    private void armNext(Slot slot, Instant after) {
        Optional<Instant> next = slot.rule.schedule().next(after);
        slot.timer = next.map(at -> clock.scheduleBackground(at, () -> fire(slot, at))).orElse(null);
    }

    private void fire(Slot slot, Instant at) {
        synchronized (this) {
            if (slots.get(slot.rule.arn()) != slot) {
                return;
            }
            armNext(slot, at);
        }
        onFire.accept(slot.rule);
    }

    /** The live schedule of one rule; a replaced slot's pending timer finds itself stale and does nothing. */
    private static final class Slot {
        final Rule rule;
        SimulationClock.Timer timer;

        Slot(Rule rule) {
            this.rule = rule;
        }
    }
}
