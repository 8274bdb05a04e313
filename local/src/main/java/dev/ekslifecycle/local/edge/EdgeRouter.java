package dev.ekslifecycle.local.edge;

import dev.ekslifecycle.local.aws.AwsErrorResponse;
import dev.ekslifecycle.local.http.Endpoint;
import dev.ekslifecycle.local.http.Request;
import dev.ekslifecycle.local.http.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The edge's one endpoint on its {@code HttpServerHost}: asks the service endpoints in {@link Route} order and
 * answers what none accepts with an error its client can read (XML for a Query-protocol call, JSON otherwise).
 */
final class EdgeRouter implements Endpoint {

    private record Entry(Route route, long order, Endpoint endpoint) {
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    synchronized void add(Route route, Endpoint endpoint) {
        List<Entry> next = new ArrayList<>(entries);
        next.add(new Entry(route, next.size(), endpoint));
        next.sort(Comparator.comparing(Entry::route).thenComparingLong(Entry::order));
        entries.clear();
        entries.addAll(next);
    }

    /** The services on the edge, in routing order. */
    List<String> serviceNames() {
        return entries.stream().map(e -> e.endpoint().name()).toList();
    }

    @Override
    public String name() {
        return "edge";
    }

    @Override
    public boolean accepts(Request request) {
        return true;
    }

    @Override
    public Response handle(Request request) throws Exception {
        for (Entry entry : entries) {
            if (entry.endpoint().accepts(request)) {
                return entry.endpoint().handle(request);
            }
        }
        return unknown(request);
    }

    private static Response unknown(Request request) {
        String what = request.method() + " " + request.path();
        String action = request.query("Action").orElseGet(() ->
                "application/x-www-form-urlencoded".equals(request.contentType())
                        ? first(request.formParameters().get("Action")) : null);
        String service = request.credentialScope().map(s -> " (service '" + s.service() + "')").orElse("");
        if (action != null) {
            String message = "The local cloud does not serve action " + action + service + ".";
            return Response.of(400, "text/xml", "<ErrorResponse><Error><Type>Sender</Type><Code>InvalidAction</Code>"
                    + "<Message>" + xmlEscape(message) + "</Message></Error><RequestId>local</RequestId></ErrorResponse>");
        }
        String target = request.header("X-Amz-Target").map(t -> " X-Amz-Target " + t).orElse("");
        return AwsErrorResponse.json(404, "UnknownOperationException",
                "No local service serves " + what + target + service + ".");
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String xmlEscape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
