package dev.ekslifecycle.local.eks.ops;

import dev.ekslifecycle.local.eks.model.Nodegroup;
import java.util.List;
import java.util.Set;

/** The node group rules EKS enforces on sizes, update settings and taints, with its wording. */
final class NodegroupChecks {

    private static final Set<String> TAINT_EFFECTS = Set.of("NO_SCHEDULE", "NO_EXECUTE", "PREFER_NO_SCHEDULE");
    private static final int MAX_NODES = 450;

    private NodegroupChecks() {
    }

    static void scaling(Nodegroup.ScalingConfig s) {
        if (s.minSize() < 0) {
            throw EksError.invalidParameter("Minimum capacity " + s.minSize() + " can't be negative");
        }
        if (s.maxSize() < 1 || s.maxSize() > MAX_NODES) {
            throw EksError.invalidParameter("Maximum capacity " + s.maxSize() + " must be between 1 and " + MAX_NODES);
        }
        if (s.minSize() > s.maxSize()) {
            throw EksError.invalidParameter("Minimum capacity " + s.minSize() + " can't be greater than max size "
                    + s.maxSize());
        }
        if (s.desiredSize() < s.minSize()) {
            throw EksError.invalidParameter("Minimum capacity " + s.minSize() + " can't be greater than desired size "
                    + s.desiredSize());
        }
        if (s.desiredSize() > s.maxSize()) {
            throw EksError.invalidParameter("Desired capacity " + s.desiredSize() + " can't be greater than max size "
                    + s.maxSize());
        }
    }

    static void updateConfig(Nodegroup.UpdateConfig u) {
        if (u.maxUnavailable() != null && u.maxUnavailablePercentage() != null) {
            throw EksError.invalidParameter("Only one of maxUnavailable and maxUnavailablePercentage can be set");
        }
        if (u.maxUnavailable() != null && (u.maxUnavailable() < 1 || u.maxUnavailable() > 100)) {
            throw EksError.invalidParameter("maxUnavailable must be between 1 and 100");
        }
        if (u.maxUnavailablePercentage() != null
                && (u.maxUnavailablePercentage() < 1 || u.maxUnavailablePercentage() > 100)) {
            throw EksError.invalidParameter("maxUnavailablePercentage must be between 1 and 100");
        }
        Checks.oneOf(u.updateStrategy(), "updateConfig.updateStrategy", Set.of("DEFAULT", "MINIMAL"));
    }

    static void taints(List<Nodegroup.Taint> taints) {
        for (Nodegroup.Taint t : taints) {
            Checks.required(t.key(), "taint key");
            Checks.oneOf(Checks.required(t.effect(), "taint effect"), "taint effect", TAINT_EFFECTS);
        }
    }

    /** How many nodes a roll may take out at once: the count, or the percentage of desired, at least one. */
    static int maxUnavailableNodes(Nodegroup nodegroup) {
        Nodegroup.UpdateConfig u = nodegroup.updateConfig();
        if (u != null && u.maxUnavailablePercentage() != null) {
            return Math.max(1, nodegroup.scalingConfig().desiredSize() * u.maxUnavailablePercentage() / 100);
        }
        return u == null || u.maxUnavailable() == null ? 1 : u.maxUnavailable();
    }
}
