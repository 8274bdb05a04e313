package dev.ekslifecycle.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.ekslifecycle.workflow.DriftCheck;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;
import org.jboss.logging.Logger;

/** The scheduled drift check; the schedule's event carries nothing the check needs. */
@Named("reconcile-clusters")
public class ReconcileClustersHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private static final Logger LOG = Logger.getLogger(ReconcileClustersHandler.class);

    @Inject
    DriftCheck driftCheck;

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        try (LogContext log = LogContext.open(context)) {
            DriftCheck.Summary summary = driftCheck.run();
            LOG.infof("drift check: %d checked, drift in %s, skipped %s", summary.checked().size(),
                    summary.drifted(), summary.skipped());
            return Map.of("checked", summary.checked(), "drifted", summary.drifted(), "skipped", summary.skipped());
        }
    }
}
