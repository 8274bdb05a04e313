package dev.ekslifecycle.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.domain.ObservedCluster;
import dev.ekslifecycle.domain.ObservedNodeGroup;
import dev.ekslifecycle.domain.json.ClusterSpecJson;
import dev.ekslifecycle.store.ClusterRecord;
import dev.ekslifecycle.store.Lease;
import dev.ekslifecycle.store.Operation;
import dev.ekslifecycle.store.StepEntry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The JSON the API answers with: clusters, operations and their step logs. */
final class ApiViews {

    static final ObjectMapper JSON = new ObjectMapper();

    private ApiViews() {
    }

    static ObjectNode cluster(ClusterRecord record, Optional<Lease> lock) {
        ObjectNode out = JSON.createObjectNode();
        out.put("name", record.name());
        out.set("desired", ClusterSpecJson.toJson(record.desired()));
        out.set("observed", observed(record.observed()));
        out.put("recordVersion", record.version());
        out.put("createdAt", text(record.createdAt()));
        out.put("updatedAt", text(record.updatedAt()));
        if (lock.isPresent()) {
            out.putObject("currentOperation").put("operationId", lock.get().operationId())
                    .put("executionArn", lock.get().owner());
        } else {
            out.putNull("currentOperation");
        }
        return out;
    }

    static ObjectNode clusterSummary(ClusterRecord record) {
        ObjectNode out = JSON.createObjectNode();
        out.put("name", record.name());
        out.put("status", record.observed().status().name());
        out.put("version", record.desired().version().toString());
        out.set("tags", JSON.valueToTree(record.desired().tags()));
        out.put("updatedAt", text(record.updatedAt()));
        return out;
    }

    static ObjectNode operation(Operation op, List<StepEntry> steps) {
        ObjectNode out = operationSummary(op);
        ArrayNode log = out.putArray("steps");
        for (StepEntry step : steps) {
            log.addObject().put("sequence", step.sequence()).put("at", text(step.at())).put("step", step.name())
                    .put("detail", step.detail());
        }
        return out;
    }

    static ObjectNode operationSummary(Operation op) {
        ObjectNode out = JSON.createObjectNode();
        out.put("operationId", op.id());
        out.put("cluster", op.clusterName());
        out.put("type", op.type().name());
        out.put("status", op.status().name());
        out.put("requester", op.requester());
        out.put("executionArn", op.executionArn());
        if (op.error() != null) {
            out.putObject("error").put("message", op.error());
        }
        out.put("createdAt", text(op.createdAt()));
        out.put("updatedAt", text(op.updatedAt()));
        out.put("finishedAt", text(op.finishedAt()));
        return out;
    }

    /** The 202 body of a started operation. */
    static ObjectNode accepted(Operation op) {
        return JSON.createObjectNode().put("operationId", op.id()).put("cluster", op.clusterName())
                .put("type", op.type().name()).put("status", op.status().name());
    }

    private static ObjectNode observed(ObservedCluster observed) {
        ObjectNode out = JSON.createObjectNode();
        out.put("status", observed.status().name());
        out.put("version", observed.version() == null ? null : observed.version().toString());
        out.put("endpoint", observed.endpoint());
        ArrayNode groups = out.putArray("nodegroups");
        for (ObservedNodeGroup ng : observed.nodegroups()) {
            groups.addObject().put("name", ng.name()).put("status", ng.status().name())
                    .put("version", ng.version() == null ? null : ng.version().toString());
        }
        return out;
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}
