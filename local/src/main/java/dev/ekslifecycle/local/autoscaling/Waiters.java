package dev.ekslifecycle.local.autoscaling;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Work waiting for a condition on the fleet (all nodes Ready, the group gone). Conditions are looked at again
 * after every change; an action runs once, when its condition first holds. Used under the fleet's lock only.
 */
final class Waiters {

    private final List<Waiter> waiting = new ArrayList<>();

    /** Waits on behalf of {@code owner} (a group's name), so the owner's waits can be dropped together. */
    void add(String owner, BooleanSupplier condition, Runnable action) {
        waiting.add(new Waiter(owner, condition, action));
        check();
    }

    /** Runs every action whose condition holds, until none does (an action may change what others wait for). */
    void check() {
        boolean fired = true;
        while (fired) {
            fired = false;
            for (Waiter w : new ArrayList<>(waiting)) {
                if (waiting.contains(w) && w.condition().getAsBoolean()) {
                    waiting.remove(w);
                    w.action().run();
                    fired = true;
                }
            }
        }
    }

    /** Drops every wait of {@code owner}, for a group whose work was abandoned. */
    void removeOwner(String owner) {
        waiting.removeIf(w -> w.owner().equals(owner));
    }

    private record Waiter(String owner, BooleanSupplier condition, Runnable action) {
    }
}
