package dev.ekslifecycle.local.stepfunctions;

import dev.ekslifecycle.local.clock.SimulationClock;
import dev.ekslifecycle.local.stepfunctions.runtime.ExecutionEngine;
import dev.ekslifecycle.local.stepfunctions.tasks.LambdaIntegration;
import dev.ekslifecycle.local.stepfunctions.tasks.LambdaInvoker;
import dev.ekslifecycle.local.stepfunctions.tasks.SdkIntegrations;
import dev.ekslifecycle.local.stepfunctions.tasks.TaskDispatcher;
import dev.ekslifecycle.local.stepfunctions.tasks.TaskIntegration;
import dev.ekslifecycle.local.stepfunctions.persistence.FileStore;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds a {@link StepFunctionsService}: the clock is required; the Lambda invoker, extra task integrations and the
 * store are optional.
 */
public final class StepFunctionsServiceBuilder {

    private final SimulationClock clock;
    private LambdaInvoker lambdaInvoker = LambdaInvoker.none();
    private final List<TaskIntegration> integrations = new ArrayList<>();
    private StepFunctionsStore store = StepFunctionsStore.inMemory();
    private URI integrationEndpoint;
    private long seed = 1;

    StepFunctionsServiceBuilder(SimulationClock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Where Lambda tasks go; by default every function is missing. */
    public StepFunctionsServiceBuilder lambdaInvoker(LambdaInvoker invoker) {
        this.lambdaInvoker = Objects.requireNonNull(invoker);
        return this;
    }

    /** Adds a task integration, consulted before the built-in ones. */
    public StepFunctionsServiceBuilder integration(TaskIntegration integration) {
        integrations.add(integration);
        return this;
    }

    /**
     * The endpoint (the local cloud's edge port) that {@code aws-sdk:*}, DynamoDB, EventBridge and EKS tasks call
     * through the AWS SDK; without one those tasks fail with States.Runtime.
     */
    public StepFunctionsServiceBuilder integrationEndpoint(URI endpoint) {
        this.integrationEndpoint = Objects.requireNonNull(endpoint);
        return this;
    }

    /**
     * Keeps state machines and executions as files under {@code directory}/stepfunctions; running executions resume
     * after a restart from the top-level state they were in.
     */
    public StepFunctionsServiceBuilder dataDirectory(Path directory) {
        this.store = new FileStore(directory.resolve("stepfunctions"));
        return this;
    }

    /**
     * The seed of the random draws executions make (the delays of retriers with {@code JitterStrategy: FULL}); the
     * same seed replays the same delays. 1 by default.
     */
    public StepFunctionsServiceBuilder seed(long newSeed) {
        this.seed = newSeed;
        return this;
    }

    /** Where state machines and executions are persisted; by default in memory only. */
    public StepFunctionsServiceBuilder store(StepFunctionsStore newStore) {
        this.store = Objects.requireNonNull(newStore);
        return this;
    }

    /** Builds the service, restores what the store holds and resumes running executions. */
    public StepFunctionsService build() {
        TaskDispatcher dispatcher = new TaskDispatcher();
        integrations.forEach(dispatcher::add);
        dispatcher.add(new LambdaIntegration(lambdaInvoker, clock));
        StepFunctionsService[] built = new StepFunctionsService[1];
        dispatcher.add(new NestedExecutions(() -> built[0]));
        if (integrationEndpoint != null) {
            SdkIntegrations.at(integrationEndpoint, clock).forEach(dispatcher::add);
        }
        ExecutionEngine engine = new ExecutionEngine(clock, dispatcher, seed);
        if (store instanceof FileStore files) {
            files.attach(engine);
        }
        built[0] = new StepFunctionsService(clock, engine, store);
        built[0].restore();
        return built[0];
    }
}
