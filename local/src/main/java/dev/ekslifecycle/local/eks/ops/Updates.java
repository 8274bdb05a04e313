package dev.ekslifecycle.local.eks.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.eks.model.Update;
import dev.ekslifecycle.local.eks.state.UpdateState;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Starting and ending update records; the operation that starts an update decides what ends it. */
final class Updates {

    private Updates() {
    }

    /** A new InProgress update, stored; {@code dueAt} null means the fleet ends it. */
    static UpdateState start(EksContext ctx, Target target, String type, List<Update.Param> params,
                             ObjectNode changes, Instant dueAt, Update.ErrorDetail plannedFailure) {
        Update update = new Update(UUID.randomUUID().toString(), Update.IN_PROGRESS, type, params, ctx.now(),
                List.of());
        UpdateState state = new UpdateState(target.region(), target.cluster(), target.nodegroup(), target.addon(),
                update, changes, dueAt, plannedFailure);
        ctx.store().put(state);
        return state;
    }

    /** Marks the update Successful, or Failed with {@code failure}, and stores it. */
    static UpdateState end(EksContext ctx, UpdateState state, Update.ErrorDetail failure) {
        UpdateState ended = state.with(failure == null ? state.update().succeeded() : state.update().failed(failure));
        ctx.store().put(ended);
        return ended;
    }

    static Update.Param param(String type, Object value) {
        return new Update.Param(type, value instanceof String s ? s : dev.ekslifecycle.local.eks.model.EksJson.write(value));
    }

    /** What an update changes: a cluster, one of its node groups or one of its add-ons. */
    record Target(String region, String cluster, String nodegroup, String addon) {
        static Target cluster(String region, String cluster) {
            return new Target(region, cluster, null, null);
        }

        static Target nodegroup(String region, String cluster, String nodegroup) {
            return new Target(region, cluster, nodegroup, null);
        }

        static Target addon(String region, String cluster, String addon) {
            return new Target(region, cluster, null, addon);
        }
    }
}
