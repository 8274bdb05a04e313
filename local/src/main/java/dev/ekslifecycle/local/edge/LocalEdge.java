package dev.ekslifecycle.local.edge;

import dev.ekslifecycle.local.aws.LocalAccount;
import dev.ekslifecycle.local.clock.SimulationClock;
import dev.ekslifecycle.local.compute.ComputeEmulators;
import dev.ekslifecycle.local.dynamodb.LocalDynamoDb;
import dev.ekslifecycle.local.dynamodb.LocalDynamoDbConfig;
import dev.ekslifecycle.local.eks.EksEmulator;
import dev.ekslifecycle.local.eks.EksSettings;
import dev.ekslifecycle.local.events.DeliveryFailure;
import dev.ekslifecycle.local.events.EventBridge;
import dev.ekslifecycle.local.events.EventBridgeEndpoint;
import dev.ekslifecycle.local.faults.FaultInjector;
import dev.ekslifecycle.local.http.Endpoint;
import dev.ekslifecycle.local.http.HttpServerHost;
import dev.ekslifecycle.local.lambda.AsyncInvocations;
import dev.ekslifecycle.local.lambda.LambdaEndpoint;
import dev.ekslifecycle.local.lambda.LambdaFunctions;
import dev.ekslifecycle.local.sqs.SqsEndpoint;
import dev.ekslifecycle.local.sqs.SqsQueues;
import dev.ekslifecycle.local.stepfunctions.StepFunctionsException;
import dev.ekslifecycle.local.stepfunctions.StepFunctionsService;
import dev.ekslifecycle.local.stepfunctions.api.StepFunctionsEndpoint;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every local AWS service on one port, like LocalStack's edge port: one {@link HttpServerHost}, one
 * {@link SimulationClock}, one {@link FaultInjector}, and the service endpoints in {@link Route} order.
 *
 * <p>{@link #start} builds the services this module has (see {@link #installServices}); a service is plugged in
 * with one {@link #add} line there, built from the shared parts this class hands out.
 */
public final class LocalEdge implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LocalEdge.class.getName());

    private final SimulationClock clock;
    private final FaultInjector faults;
    private final Optional<Path> dataDir;
    private final HttpServerHost host;
    private final EdgeRouter router = new EdgeRouter();
    private final LambdaFunctions functions = new LambdaFunctions();
    private final AsyncInvocations asyncInvocations;
    private final EventBridge events;
    private final SqsQueues queues;
    private final List<AutoCloseable> resources = new ArrayList<>();

    private LocalEdge(HttpServerHost host, SimulationClock clock, FaultInjector faults, Optional<Path> dataDir) {
        this.host = host;
        this.clock = clock;
        this.faults = faults;
        this.dataDir = dataDir;
        this.queues = new SqsQueues(clock, LocalAccount.DEFAULT_REGION, dataDir.map(d -> d.resolve("sqs")));
        this.asyncInvocations = new AsyncInvocations(functions, clock, faults,
                dataDir.map(d -> d.resolve("lambda-async")));
        asyncInvocations.connectQueues(queues);
        this.events = new EventBridge(clock, asyncInvocations, LocalAccount.DEFAULT_REGION,
                dataDir.map(d -> d.resolve("eventbridge-deliveries")));
        events.connectQueues(queues);
        host.add(router);
    }

    /**
     * Starts the edge on {@code port} of 127.0.0.1 (0 picks a free one) with every service this module has.
     *
     * @param dataDir where services that persist keep their files; empty keeps everything in memory
     */
    public static LocalEdge start(int port, SimulationClock clock, FaultInjector faults, Optional<Path> dataDir)
            throws IOException {
        HttpServerHost host = HttpServerHost.start("edge", port, clock);
        LocalEdge edge;
        try {
            edge = new LocalEdge(host, clock, faults, dataDir);
        } catch (RuntimeException e) {
            host.close();
            throw e;
        }
        try {
            edge.installServices();
        } catch (IOException | RuntimeException e) {
            edge.close();
            throw e;
        }
        return edge;
    }

    /**
     * The services on the edge. To plug one in, build it from the shared parts ({@link #clock()},
     * {@link #faults()}, {@link #events()} as its {@code EventPublisher}, {@link #functions()}, {@link #dataDir()},
     * {@link #url()}) and {@link #add} its endpoint under its route; {@link #closeOnStop} what must be closed.
     */
    private void installServices() throws IOException {
        closeOnStop(asyncInvocations::close);
        closeOnStop(events::close);
        add(Route.CONTROL, new ControlEndpoint(faults, events.log(), clock, router::serviceNames));
        add(Route.LAMBDA, new LambdaEndpoint(functions, asyncInvocations, clock, faults));
        add(Route.TARGET_HEADER, new EventBridgeEndpoint(events, faults));
        add(Route.TARGET_HEADER, dynamoDb().endpoint());
        add(Route.TARGET_HEADER, new StepFunctionsEndpoint(stepFunctions(), faults));
        add(Route.TARGET_HEADER, new SqsEndpoint(queues, faults));
        ComputeEmulators compute = new ComputeEmulators(clock, faults, events, this::url,
                dataDir.map(d -> d.resolve("compute")).orElse(null));
        add(Route.CONTROL, compute.faultsEndpoint());
        add(Route.KUBERNETES, compute.kubernetesEndpoint());
        add(Route.QUERY, compute.autoScalingEndpoint());
        add(Route.QUERY, compute.ec2Endpoint());
        EksSettings eks = dataDir.map(d -> EksSettings.defaults().withDataDirectory(d.resolve("eks")))
                .orElse(EksSettings.defaults());
        EksEmulator eksEmulator = new EksEmulator(clock, faults, compute.ec2, compute.nodeGroups, compute.kubernetes,
                eks);
        add(Route.CONTROL, eksEmulator.controlEndpoint());
        add(Route.REST_PATH, eksEmulator.apiEndpoint());
    }

    private LocalDynamoDb dynamoDb() throws IOException {
        LocalDynamoDbConfig config = LocalDynamoDbConfig.inMemory(clock).withFaults(faults);
        LocalDynamoDb dynamoDb = LocalDynamoDb.start(
                dataDir.map(d -> config.withDataDirectory(d.resolve("dynamodb"))).orElse(config));
        closeOnStop(dynamoDb);
        return dynamoDb;
    }

    /**
     * Step Functions runs Lambda tasks on the edge's functions and its service integrations against the edge
     * itself; EventBridge rules start its executions.
     */
    private StepFunctionsService stepFunctions() {
        StepFunctionsService stepFunctions = StepFunctionsService.builder(clock)
                .lambdaInvoker(new LambdaTaskInvoker(functions))
                .integrationEndpoint(URI.create(url()))
                .seed(faults.seed())
                .build();
        events.connectStateMachines((arn, input) -> {
            try {
                return stepFunctions.startExecution(arn, null, input).executionArn();
            } catch (StepFunctionsException e) {
                throw DeliveryFailure.fromServiceError(e.errorCode(), e.httpStatus(), e.getMessage());
            }
        });
        return stepFunctions;
    }

    /**
     * Resumes the work a previous run on the data directory left pending (Lambda's queued events and retries,
     * EventBridge's retries). Call it once the functions are registered: it hands events to them.
     */
    public void resumePendingWork() {
        asyncInvocations.resume();
        events.resumeDeliveries();
    }

    /** Adds a service endpoint; it is asked after those of earlier routes and earlier additions. */
    public LocalEdge add(Route route, Endpoint endpoint) {
        router.add(route, endpoint);
        return this;
    }

    /** Closes {@code resource} when the edge stops, after the HTTP server (in reverse order of registration). */
    public LocalEdge closeOnStop(AutoCloseable resource) {
        synchronized (resources) {
            resources.add(resource);
        }
        return this;
    }

    public SimulationClock clock() {
        return clock;
    }

    public FaultInjector faults() {
        return faults;
    }

    /** The local EventBridge; also the {@code EventPublisher} for services that emit AWS events. */
    public EventBridge events() {
        return events;
    }

    /** The Lambda functions the edge invokes; register in-process handlers here. */
    public LambdaFunctions functions() {
        return functions;
    }

    /** The local SQS; also where Lambda and EventBridge put dead letters. */
    public SqsQueues queues() {
        return queues;
    }

    public Optional<Path> dataDir() {
        return dataDir;
    }

    public int port() {
        return host.port();
    }

    /** {@code http://127.0.0.1:PORT}: the endpoint URL for every AWS SDK client and the AWS CLI. */
    public String url() {
        return host.url();
    }

    /** The services on the edge, in routing order. */
    public List<String> services() {
        return router.serviceNames();
    }

    /** Stops serving, then closes the services' resources. The clock belongs to the caller. */
    @Override
    public void close() {
        host.close();
        List<AutoCloseable> toClose;
        synchronized (resources) {
            toClose = new ArrayList<>(resources);
            resources.clear();
        }
        for (int i = toClose.size() - 1; i >= 0; i--) {
            try {
                toClose.get(i).close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "closing " + toClose.get(i) + " failed", e);
            }
        }
    }
}
