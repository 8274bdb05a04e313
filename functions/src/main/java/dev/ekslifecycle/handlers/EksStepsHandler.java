package dev.ekslifecycle.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.ekslifecycle.metrics.LifecycleMetrics;
import dev.ekslifecycle.workflow.ClusterProvisioning;
import dev.ekslifecycle.workflow.ClusterTeardown;
import dev.ekslifecycle.workflow.StepInput;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;

/**
 * The EKS-facing steps of the create and delete workflows, chosen by {@code action}. Failures leave as the typed
 * exceptions of {@code dev.ekslifecycle.errors}, whose class names the state machines' Retry and Catch match.
 */
@Named("eks-steps")
public class EksStepsHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Inject
    LifecycleMetrics metrics;

    @Inject
    ClusterProvisioning provisioning;

    @Inject
    ClusterTeardown teardown;

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return StepRunner.run(metrics, event, context, this::step);
    }

    private Map<String, Object> step(String action, StepInput input) {
        return switch (action) {
            case "EnsureCluster" -> {
                ClusterProvisioning.Plan plan = provisioning.ensureCluster(input);
                yield Map.of("nodegroups", plan.nodegroups(), "fargateProfiles", plan.fargateProfiles());
            }
            case "EnsureNodegroup" -> done(() -> provisioning.ensureNodegroup(input));
            case "EnsureFargateProfile" -> done(() -> provisioning.ensureFargateProfile(input));
            case "EnsureAddons" -> Map.of("addons", provisioning.ensureAddons(input));
            case "CheckAddons" -> Map.of("settled", provisioning.addonsSettled(input));
            case "EnsureAccessEntries" -> done(() -> provisioning.ensureAccessEntries(input));
            case "PrepareDelete" -> {
                ClusterTeardown.Inventory inventory = teardown.prepare(input);
                yield Map.of("nodegroups", inventory.nodegroups(), "fargateProfiles", inventory.fargateProfiles());
            }
            case "DeleteFargateProfile" -> done(() -> teardown.deleteFargateProfile(input));
            case "DeleteNodegroup" -> done(() -> teardown.deleteNodegroup(input));
            case "DeleteAddons" -> done(() -> teardown.deleteAddons(input));
            case "DeleteCluster" -> done(() -> teardown.deleteCluster(input));
            default -> throw new IllegalArgumentException("eks-steps has no action " + action);
        };
    }

    private static Map<String, Object> done(Runnable step) {
        step.run();
        return Map.of("done", true);
    }
}
