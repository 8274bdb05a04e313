package dev.ekslifecycle.local.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Server-side printing: a list answered as a {@code meta.k8s.io/v1} Table when the client asks for one (kubectl
 * does), with the columns {@code kubectl get} shows for nodes, pods and budgets, so STATUS shows NotReady and
 * SchedulingDisabled as on a real cluster.
 */
final class TablePrinter {

    private record Column(String name, int priority, Function<JsonNode, String> cell) {
    }

    private TablePrinter() {
    }

    /** True when the {@code Accept} header asks for a Table first. */
    static boolean wanted(String accept) {
        return accept != null && accept.split(",")[0].contains("as=Table");
    }

    /**
     * The answer as a Table when it is a list or one object of {@code resource}; other answers (discovery,
     * /version) as they are.
     */
    static JsonNode ofAnswer(String resource, JsonNode answer, Instant now) {
        if (answer.has("items")) {
            List<ObjectNode> items = new java.util.ArrayList<>();
            answer.get("items").forEach(i -> items.add((ObjectNode) i));
            return table(resource, items, now);
        }
        if (answer.path("metadata").has("name") && !answer.path("kind").asText().equals("Status")) {
            return table(resource, List.of((ObjectNode) answer), now);
        }
        return answer;
    }

    private static ObjectNode table(String resource, List<ObjectNode> items, Instant now) {
        List<Column> columns = columns(resource, now);
        ObjectNode table = Json.object().put("kind", "Table").put("apiVersion", "meta.k8s.io/v1");
        table.putObject("metadata").put("resourceVersion", "0");
        ArrayNode definitions = table.putArray("columnDefinitions");
        for (Column c : columns) {
            definitions.addObject().put("name", c.name()).put("type", "string")
                    .put("format", c.name().equals("Name") ? "name" : "").put("description", "")
                    .put("priority", c.priority());
        }
        ArrayNode rows = table.putArray("rows");
        for (ObjectNode item : items) {
            ObjectNode row = rows.addObject();
            ArrayNode cells = row.putArray("cells");
            columns.forEach(c -> cells.add(c.cell().apply(item)));
            row.set("object", item);
        }
        return table;
    }

    private static List<Column> columns(String resource, Instant now) {
        Column name = new Column("Name", 0, o -> Json.text(o, "metadata", "name"));
        Column age = new Column("Age", 0, o -> age(Json.text(o, "metadata", "creationTimestamp"), now));
        return switch (resource) {
            case "nodes" -> List.of(name, new Column("Status", 0, TablePrinter::nodeStatus),
                    new Column("Roles", 0, o -> "<none>"), age,
                    new Column("Version", 0, o -> Json.text(o, "status", "nodeInfo", "kubeletVersion")),
                    new Column("Internal-IP", 1, o -> NodeDocuments.internalIp(o).orElse("<none>")),
                    new Column("OS-Image", 1, o -> Json.text(o, "status", "nodeInfo", "osImage")),
                    new Column("Container-Runtime", 1,
                            o -> Json.text(o, "status", "nodeInfo", "containerRuntimeVersion")));
            case "pods" -> List.of(name,
                    new Column("Ready", 0, o -> (PodDocuments.isHealthy(o) ? "1" : "0") + "/1"),
                    new Column("Status", 0, o -> Json.text(o, "status", "phase")),
                    new Column("Restarts", 0, o -> "0"), age,
                    new Column("IP", 1, o -> orNone(Json.text(o, "status", "podIP"))),
                    new Column("Node", 1, o -> orNone(Json.text(o, "spec", "nodeName"))));
            case "poddisruptionbudgets" -> List.of(name,
                    new Column("Min Available", 0, o -> orNa(Json.text(o, "spec", "minAvailable"))),
                    new Column("Max Unavailable", 0, o -> orNa(Json.text(o, "spec", "maxUnavailable"))),
                    new Column("Allowed Disruptions", 0, o -> Json.text(o, "status", "disruptionsAllowed")), age);
            default -> List.of(name, age);
        };
    }

    private static String nodeStatus(JsonNode node) {
        String ready = Json.conditionStatus(node, "Ready");
        String status = ready.equals("True") ? "Ready" : ready.equals("False") ? "NotReady" : "Unknown";
        return node.path("spec").path("unschedulable").asBoolean(false) ? status + ",SchedulingDisabled" : status;
    }

    private static String orNone(String s) {
        return s.isEmpty() ? "<none>" : s;
    }

    private static String orNa(String s) {
        return s.isEmpty() ? "N/A" : s;
    }

    /** kubectl's short ages: 45s, 3m20s, 17m, 5h12m, 30h, 3d4h, 12d. */
    static String age(String created, Instant now) {
        if (created.isEmpty()) {
            return "<unknown>";
        }
        long s = Math.max(0, Duration.between(Instant.parse(created), now).getSeconds());
        long m = s / 60;
        long h = m / 60;
        long d = h / 24;
        if (s < 120) {
            return s + "s";
        } else if (m < 10) {
            return m + "m" + (s % 60 == 0 ? "" : s % 60 + "s");
        } else if (h < 3) {
            return m + "m";
        } else if (h < 8) {
            return h + "h" + (m % 60 == 0 ? "" : m % 60 + "m");
        } else if (h < 48) {
            return h + "h";
        } else if (d < 8) {
            return d + "d" + (h % 24 == 0 ? "" : h % 24 + "h");
        }
        return d + "d";
    }
}
