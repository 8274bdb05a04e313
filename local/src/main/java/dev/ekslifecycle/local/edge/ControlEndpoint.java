package dev.ekslifecycle.local.edge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.clock.SimulationClock;
import dev.ekslifecycle.local.events.EventLog;
import dev.ekslifecycle.local.faults.FaultInjector;
import dev.ekslifecycle.local.faults.FaultRule;
import dev.ekslifecycle.local.faults.InvalidFaultRule;
import dev.ekslifecycle.local.http.Endpoint;
import dev.ekslifecycle.local.http.Request;
import dev.ekslifecycle.local.http.Response;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The control API under {@code /_local/} (docs/local-edge.md): fault rules and their seed, the events that reached
 * EventBridge buses, and health. Not an AWS API: errors are plain JSON {@code {"error", "message"}} with 400 for
 * bad input (and {@code "field"} naming a fault rule's bad field) and 404 for unknown paths.
 */
final class ControlEndpoint implements Endpoint {

    static final String PREFIX = "/_local/";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final FaultInjector faults;
    private final EventLog events;
    private final SimulationClock clock;
    private final Supplier<Iterable<String>> services;

    ControlEndpoint(FaultInjector faults, EventLog events, SimulationClock clock, Supplier<Iterable<String>> services) {
        this.faults = faults;
        this.events = events;
        this.clock = clock;
        this.services = services;
    }

    @Override
    public String name() {
        return "control";
    }

    @Override
    public boolean accepts(Request request) {
        String p = request.path();
        return p.equals(PREFIX + "health") || p.equals(PREFIX + "events") || p.equals(PREFIX + "faults")
                || p.startsWith(PREFIX + "faults/");
    }

    @Override
    public Response handle(Request request) {
        String path = request.path().substring(PREFIX.length());
        String method = request.method();
        try {
            return switch (path) {
                case "health" -> method.equals("GET") ? health() : notAllowed(request);
                case "events" -> method.equals("GET") ? events(request) : notAllowed(request);
                case "faults" -> switch (method) {
                    case "GET" -> ok(faultList());
                    case "POST" -> addFault(request);
                    case "DELETE" -> clearFaults();
                    default -> notAllowed(request);
                };
                case "faults/seed" -> method.equals("POST") ? reseed(request) : notAllowed(request);
                default -> method.equals("DELETE") ? removeFault(path.substring("faults/".length()))
                        : notAllowed(request);
            };
        } catch (BadControlInput e) {
            return badRequest(e);
        }
    }

    private Response health() {
        ObjectNode out = JSON.createObjectNode().put("status", "ok").put("time", clock.instant().toString());
        ArrayNode list = out.putArray("services");
        services.get().forEach(list::add);
        return ok(out);
    }

    private Response events(Request request) {
        String bus = request.query("bus").orElse(null);
        String source = request.query("source").orElse(null);
        String detailType = request.query("detail-type").orElse(null);
        Predicate<EventLog.LoggedEvent> filter = e -> (bus == null || bus.equals(e.busName()))
                && (source == null || source.equals(e.source()))
                && (detailType == null || detailType.equals(e.detailType()));
        ObjectNode out = JSON.createObjectNode();
        ArrayNode list = out.putArray("events");
        for (EventLog.LoggedEvent e : events.events(filter)) {
            ObjectNode item = list.addObject().put("bus", e.busName());
            item.set("event", e.event());
            e.matchedRules().forEach(item.putArray("matchedRules")::add);
            ArrayNode deliveries = item.putArray("deliveries");
            for (EventLog.Delivery d : e.deliveries()) {
                deliveries.addObject().put("ruleArn", d.ruleArn()).put("targetId", d.targetId())
                        .put("targetArn", d.targetArn()).put("input", d.input()).put("delivered", d.delivered())
                        .put("result", d.result()).put("at", d.at().toString());
            }
        }
        return ok(out);
    }

    /** A fault rule as the control API takes it; absent fields get the documented defaults. */
    record FaultRequest(String service, String operation, String resource, String error, Integer status,
                        String message, Double probability, Integer count, Long latencyMillis) {

        /** The control API's names for the {@link FaultRule} fields that differ from them. */
        private static final Map<String, String> FIELD_NAMES = Map.of(
                "errorCode", "error", "httpStatus", "status", "remaining", "count", "latency", "latencyMillis");

        FaultRule toRule() throws BadControlInput {
            try {
                return new FaultRule(service, operation, resource, error,
                        status != null ? status : error != null ? 400 : 0, message,
                        probability != null ? probability : 1.0, count != null ? count : -1,
                        Duration.ofMillis(latencyMillis != null ? latencyMillis : 0));
            } catch (InvalidFaultRule e) {
                String field = FIELD_NAMES.getOrDefault(e.field(), e.field());
                throw new BadControlInput(field, field + " " + e.reason());
            }
        }
    }

    private Response addFault(Request request) throws BadControlInput {
        FaultRequest given;
        try {
            given = JSON.readValue(request.body(), FaultRequest.class);
        } catch (JsonProcessingException e) {
            throw new BadControlInput("the body must be a JSON fault rule with the fields service, operation, "
                    + "resource, error, status, message, probability, count, latencyMillis: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadControlInput("the body could not be read: " + e.getMessage());
        }
        String id = faults.add(given.toRule());
        return ok(JSON.createObjectNode().put("id", id));
    }

    private Response clearFaults() {
        int cleared = faults.rules().size();
        faults.clear();
        return ok(JSON.createObjectNode().put("cleared", cleared));
    }

    private Response removeFault(String id) {
        return faults.remove(id) ? ok(JSON.createObjectNode().put("removed", id))
                : error(404, "NotFound", "no fault rule " + id);
    }

    private Response reseed(Request request) throws BadControlInput {
        JsonNode body;
        try {
            body = JSON.readTree(request.body());
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.path("seed").isIntegralNumber()) {
            throw new BadControlInput("the body must be {\"seed\": <integer>}");
        }
        faults.reseed(body.get("seed").asLong());
        return ok(JSON.createObjectNode().put("seed", faults.seed()));
    }

    private ObjectNode faultList() {
        ObjectNode out = JSON.createObjectNode().put("seed", faults.seed());
        ArrayNode list = out.putArray("rules");
        for (FaultInjector.ActiveRule active : faults.rules()) {
            FaultRule r = active.rule();
            ObjectNode item = list.addObject().put("id", active.id()).put("service", r.service())
                    .put("operation", r.operation()).put("resource", r.resource()).put("error", r.errorCode())
                    .put("status", r.httpStatus()).put("message", r.message()).put("probability", r.probability())
                    .put("latencyMillis", r.latency().toMillis());
            if (active.remaining() > 0) {
                item.put("count", active.remaining());
            }
        }
        return out;
    }

    private static Response ok(ObjectNode body) {
        return Response.of(200, "application/json", body.toString());
    }

    private static Response notAllowed(Request request) {
        return error(405, "MethodNotAllowed", request.method() + " is not allowed on " + request.path());
    }

    /** A 400 for bad input; a fault rule's bad field is also named on its own, in {@code field}. */
    private static Response badRequest(BadControlInput e) {
        ObjectNode body = JSON.createObjectNode().put("error", "BadRequest");
        if (e.field != null) {
            body.put("field", e.field);
        }
        return Response.of(400, "application/json", body.put("message", e.getMessage()).toString());
    }

    static Response error(int status, String error, String message) {
        return Response.of(status, "application/json",
                JSON.createObjectNode().put("error", error).put("message", message).toString());
    }

    /** Control input that cannot be used; its message says what to send instead. */
    static final class BadControlInput extends Exception {
        /** The request field at fault, when one is. */
        final String field;

        BadControlInput(String message) {
            this(null, message);
        }

        BadControlInput(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }
}
