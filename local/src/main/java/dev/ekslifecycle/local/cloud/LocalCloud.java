package dev.ekslifecycle.local.cloud;

import dev.ekslifecycle.local.apigateway.ApiGatewayEndpoint;
import dev.ekslifecycle.local.clock.SimulationClock;
import dev.ekslifecycle.local.cloud.template.StackIdentity;
import dev.ekslifecycle.local.cloud.template.Template;
import dev.ekslifecycle.local.edge.LocalEdge;
import dev.ekslifecycle.local.faults.FaultInjector;
import dev.ekslifecycle.local.http.HttpServerHost;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The whole system on one JVM: the edge with every emulated AWS service, the template's resources deployed onto it,
 * and the REST API on its own port. Started by {@code local-cloud.jar up} and by the end-to-end tests.
 */
public final class LocalCloud implements AutoCloseable {

    private final LocalEdge edge;
    private final FunctionDeployer functions;
    private final HttpServerHost api;

    private LocalCloud(LocalEdge edge, FunctionDeployer functions, HttpServerHost api) {
        this.edge = edge;
        this.functions = functions;
        this.api = api;
    }

    /**
     * What to start: the template, the ports (0 picks a free one), where the services keep their data (empty: in
     * memory), the clock, the fault injector's seed, parameter overrides and the stack name local names start with.
     */
    public record Options(Path template, int edgePort, int apiPort, Optional<Path> dataDir, SimulationClock clock,
                          long seed, Map<String, String> parameters, String stackName) {

        public Options {
            parameters = Map.copyOf(parameters);
        }

        /** The defaults of {@code up}, with the given template and clock. */
        public static Options of(Path template, SimulationClock clock) {
            return new Options(template, 4566, 8080, Optional.empty(), clock, 1, Map.of(), "eks-lifecycle");
        }

        public Options withPorts(int edge, int api) {
            return new Options(template, edge, api, dataDir, clock, seed, parameters, stackName);
        }

        public Options withDataDir(Optional<Path> directory) {
            return new Options(template, edgePort, apiPort, directory, clock, seed, parameters, stackName);
        }
    }

    /**
     * Starts the edge, deploys the template onto it and opens the API port.
     *
     * @throws dev.ekslifecycle.local.cloud.template.TemplateException when the template cannot run locally; nothing
     *     is left running then
     * @throws IOException when a port cannot be opened or a file read
     */
    public static LocalCloud start(Options options) throws IOException {
        Path templateFile = options.template().toAbsolutePath();
        Template template = Template.read(templateFile);
        LocalEdge edge = LocalEdge.start(options.edgePort(), options.clock(), new FaultInjector(options.seed()),
                options.dataDir());
        StackDeployment.Deployed deployed;
        try {
            deployed = StackDeployment.deploy(template, options.parameters(),
                    StackIdentity.local(options.stackName()), templateFile.getParent(), edge);
        } catch (RuntimeException e) {
            edge.close();
            throw e;
        }
        edge.resumePendingWork();
        HttpServerHost api;
        try {
            api = HttpServerHost.start("api", options.apiPort(), options.clock())
                    .add(new ApiGatewayEndpoint(deployed.api(), edge.functions(), options.clock()));
        } catch (IOException | RuntimeException e) {
            deployed.functions().close();
            edge.close();
            throw e;
        }
        return new LocalCloud(edge, deployed.functions(), api);
    }

    /** {@code http://127.0.0.1:PORT} of every AWS service. */
    public String edgeUrl() {
        return edge.url();
    }

    /** {@code http://127.0.0.1:PORT} of the REST API (served at the root, without the stage). */
    public String apiUrl() {
        return api.url();
    }

    public LocalEdge edge() {
        return edge;
    }

    /** Stops the API, the edge's services and the functions' applications; the clock belongs to the caller. */
    @Override
    public void close() {
        api.close();
        edge.close();
        functions.close();
    }
}
