package dev.ekslifecycle.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.ekslifecycle.domain.NodeHealthEvent;
import dev.ekslifecycle.domain.NodeHealthEvents;
import dev.ekslifecycle.ec2.NodeGroupInstance;
import dev.ekslifecycle.workflow.NodeHealthIntake;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/** The target of the health-signal rule: EC2 instance state changes and AWS Health events on the default bus. */
@Named("health-signals")
public class HealthSignalsHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private static final Logger LOG = Logger.getLogger(HealthSignalsHandler.class);

    @Inject
    NodeHealthIntake intake;

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        try (LogContext log = LogContext.open(context).with("eventId", String.valueOf(event.get("id")))) {
            Optional<NodeHealthEvent> health = NodeHealthEvents.read(event);
            if (health.isEmpty()) {
                LOG.infof("%s %s is no node health signal", event.get("source"), event.get("detail-type"));
                return Map.of("signalled", List.of(), "ignored", List.of());
            }
            NodeHealthIntake.Outcome outcome = intake.accept(health.get());
            return Map.of("signalled", outcome.signalled().stream().map(NodeGroupInstance::instanceId).toList(),
                    "ignored", outcome.ignored());
        }
    }
}
