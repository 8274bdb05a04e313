package dev.ekslifecycle.local.eks.control;

import dev.ekslifecycle.local.eks.model.Health;
import dev.ekslifecycle.local.eks.model.Insight;
import dev.ekslifecycle.local.eks.model.Nodegroup;
import dev.ekslifecycle.local.eks.ops.InsightOperations;
import java.util.List;

/** What the control routes can do to the EKS emulator; the emulator implements it. */
public interface EksControls {

    /** The next create or update of the cluster ({@code nodegroupName} null) or node group fails with the code. */
    void failNext(String region, String clusterName, String nodegroupName, String errorCode, String message);

    Insight setInsight(String region, String clusterName, InsightOperations.Finding finding);

    Nodegroup setNodegroupHealth(String region, String clusterName, String nodegroupName, List<Health.Issue> issues);
}
