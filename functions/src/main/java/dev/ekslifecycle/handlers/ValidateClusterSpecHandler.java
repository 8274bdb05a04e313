package dev.ekslifecycle.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ekslifecycle.domain.Problem;
import dev.ekslifecycle.domain.SubnetFacts;
import dev.ekslifecycle.domain.json.ClusterSpecJson;
import dev.ekslifecycle.domain.json.SpecCheck;
import jakarta.inject.Named;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Checks a cluster spec document (the event itself) and answers whether it is valid, every problem found, and the
 * spec with its defaults spelled out. A bad spec is an answer, not an error, so a workflow branches on {@code valid}.
 *
 * <p>Subnet zones are not looked up here: the zone rules are checked where an EC2-backed {@link SubnetFacts} is
 * available.
 */
@Named("validate-cluster-spec")
public class ValidateClusterSpecHandler implements RequestHandler<JsonNode, ValidateClusterSpecHandler.Result> {

    private static final Logger LOG = Logger.getLogger(ValidateClusterSpecHandler.class);

    @Override
    public Result handleRequest(JsonNode document, Context context) {
        try (LogContext log = LogContext.open(context).with(LogContext.CLUSTER_NAME, document.path("name").asText())) {
            SpecCheck check = ClusterSpecJson.check(document, SubnetFacts.UNKNOWN);
            LOG.infof("spec checked: %s", check.valid() ? "valid" : check.problems().size() + " problem(s)");
            return new Result(check.valid(), check.problems(),
                    check.valid() ? ClusterSpecJson.toJson(check.spec()) : null);
        }
    }

    /** The answer; {@code spec} is present only when valid. */
    public record Result(boolean valid, List<Problem> problems, JsonNode spec) {
    }
}
