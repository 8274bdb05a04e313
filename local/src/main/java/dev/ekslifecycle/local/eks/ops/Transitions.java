package dev.ekslifecycle.local.eks.ops;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/** The end of a timed CREATING or DELETING, shared by the resources whose transitions only take time. */
final class Transitions {

    private Transitions() {
    }

    /**
     * At {@code dueAt}, if the resource is still in {@code status}: a DELETING one is removed, a CREATING one turns
     * ACTIVE. Anything else (say it was deleted while creating) is left alone.
     */
    static void scheduleEnd(EksContext ctx, Instant dueAt, String status, Supplier<Optional<String>> currentStatus,
                            Runnable remove, Runnable activate) {
        if (!ClusterOperations.CREATING.equals(status) && !ClusterOperations.DELETING.equals(status)) {
            return;
        }
        ctx.clock().schedule(dueAt, () -> ctx.store().write(after -> {
            if (currentStatus.get().filter(status::equals).isPresent()) {
                (ClusterOperations.DELETING.equals(status) ? remove : activate).run();
            }
            return null;
        }));
    }
}
