package dev.ekslifecycle.local.cloud;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ekslifecycle.local.apigateway.ApiGatewayEndpoint;
import dev.ekslifecycle.local.clock.SimulationClock;
import dev.ekslifecycle.local.cloud.template.StackIdentity;
import dev.ekslifecycle.local.cloud.template.Template;
import dev.ekslifecycle.local.cloud.template.TemplateException;
import dev.ekslifecycle.local.edge.LocalEdge;
import dev.ekslifecycle.local.faults.FaultInjector;
import dev.ekslifecycle.local.http.HttpServerHost;
import dev.ekslifecycle.local.lambda.LambdaHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link TestTemplate} deployed on a fresh edge with a virtual clock, its function {@code t-Clusters} replaced by
 * a stand-in, and its API served on a port of its own as the local cloud serves it.
 */
final class ServedTestTemplate implements AutoCloseable {

    final SimulationClock clock = SimulationClock.virtual(Instant.parse("2026-11-25T10:00:00Z"));
    final LocalEdge edge;
    final StackDeployment.Deployed deployed;
    private final HttpServerHost api;
    private final HttpClient http = HttpClient.newHttpClient();

    ServedTestTemplate(String template, Path dir, LambdaHandler clusters) throws Exception {
        edge = LocalEdge.start(0, clock, new FaultInjector(1), Optional.empty());
        deployed = TestTemplate.deploy(template, dir, edge);
        edge.functions().register("t-Clusters", clusters);
        api = HttpServerHost.start("api", 0, clock).add(new ApiGatewayEndpoint(deployed.api(), edge.functions(), clock));
    }

    /** A request to the API; no {@code Content-Type} when {@code contentType} is null, no body when it is null. */
    HttpResponse<String> send(String method, String path, String contentType, String body,
                              Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.url() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Why deploying the template {@code yaml} (from {@code dir}, beside an empty package) on this edge fails. */
    TemplateException refusal(String yaml, Path dir) throws Exception {
        TestTemplate.emptyFunctionPackage(dir);
        return assertThrows(TemplateException.class, () -> StackDeployment.deploy(Template.parse(yaml), Map.of(),
                StackIdentity.local("u"), dir, edge));
    }

    @Override
    public void close() {
        api.close();
        deployed.functions().close();
        edge.close();
        clock.shutdown();
    }
}
