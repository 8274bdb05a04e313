package dev.ekslifecycle.local.eks.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.eks.model.Update;
import java.time.Instant;

/**
 * An update and what it does when it succeeds: {@code changes} are the members of the target's record (cluster,
 * node group or add-on) that it replaces. {@code dueAt} is when it ends, or null when the fleet ends it;
 * {@code plannedFailure} makes it fail instead (a fault armed through the control API).
 */
public record UpdateState(
        String region,
        String clusterName,
        String nodegroupName,
        String addonName,
        Update update,
        ObjectNode changes,
        Instant dueAt,
        Update.ErrorDetail plannedFailure) {

    public UpdateState with(Update newUpdate) {
        return new UpdateState(region, clusterName, nodegroupName, addonName, newUpdate, changes, dueAt,
                plannedFailure);
    }
}
