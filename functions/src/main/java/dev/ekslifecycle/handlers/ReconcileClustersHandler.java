package dev.ekslifecycle.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.ekslifecycle.workflow.DriftCheck;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;

/** The scheduled drift check; the schedule's event carries nothing the check needs. */
@Named("reconcile-clusters")
public class ReconcileClustersHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Inject
    DriftCheck driftCheck;

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        DriftCheck.Summary summary = driftCheck.run();
        return Map.of("checked", summary.checked(), "drifted", summary.drifted(), "skipped", summary.skipped());
    }
}
