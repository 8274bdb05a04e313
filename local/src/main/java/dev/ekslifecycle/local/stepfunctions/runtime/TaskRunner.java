package dev.ekslifecycle.local.stepfunctions.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ekslifecycle.local.clock.SimulationClock;
import dev.ekslifecycle.local.stepfunctions.errors.ErrorNames;
import dev.ekslifecycle.local.stepfunctions.errors.StatesError;
import dev.ekslifecycle.local.stepfunctions.json.Json;
import dev.ekslifecycle.local.stepfunctions.language.DynamicValue;
import dev.ekslifecycle.local.stepfunctions.language.TaskState;
import dev.ekslifecycle.local.stepfunctions.tasks.IntegrationPattern;
import dev.ekslifecycle.local.stepfunctions.tasks.ResourceArn;
import dev.ekslifecycle.local.stepfunctions.tasks.TaskCall;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * Runs a Task state: builds the payload, calls the integration, and waits for its answer, its task token, its
 * timeout or its missed heartbeat, whichever comes first. Records AWS's task events (or the Lambda-function events
 * for a plain function ARN).
 */
final class TaskRunner {

    /** AWS's default when a Task sets no TimeoutSeconds. */
    private static final long DEFAULT_TIMEOUT_SECONDS = 99_999_999L;

    private TaskRunner() {
    }

    static Outcome run(BranchRun branch, TaskState state, JsonNode raw, StateContext ctx) {
        ExecutionEngine engine = branch.engine();
        Execution execution = branch.execution();
        ResourceArn resource = ResourceArn.parse(state.resource())
                .orElseThrow(() -> StatesError.runtime("Invalid resource: " + state.resource()));
        boolean waitsForToken = resource.pattern() == IntegrationPattern.WAIT_FOR_TASK_TOKEN;
        String token = waitsForToken ? engine.tokens().issue() : null;
        if (token != null) {
            ctx.setTaskToken(token);
        }
        JsonNode effective = state.flow().effectiveInput(raw, ctx);
        JsonNode payload = state.flow().payload(raw, effective, ctx);
        long timeout = seconds(state.timeoutSeconds(), effective, ctx, DEFAULT_TIMEOUT_SECONDS);
        long heartbeat = seconds(state.heartbeatSeconds(), effective, ctx, 0);
        TaskEvents events = new TaskEvents(engine, execution, resource);
        events.scheduled(payload, timeout, heartbeat);
        TaskCall call = new TaskCall(resource, payload, token, execution.executionArn(), timeout);
        BranchRun.Resumer resumer = branch.resumer();
        events.started();

        Runnable abandon = () -> {
            engine.tasks().abandon(call);
            if (token != null) {
                engine.tokens().remove(token);
            }
        };
        branch.onCancel(abandon);
        if (state.timeoutSeconds() != null) {
            branch.schedule(engine.clock().instant().plusSeconds(timeout), () -> {
                if (resumer.isCurrent()) {
                    abandon.run();
                    events.timedOut(ErrorNames.TIMEOUT, "Task timed out after " + timeout + " seconds");
                    resumer.resumeNow(Outcome.failed(new StatesError(ErrorNames.TIMEOUT, null)));
                }
            });
        }
        Heartbeat beat = heartbeat > 0 ? new Heartbeat(branch, resumer, events, abandon, heartbeat) : null;

        engine.tasks().call(call).whenComplete((result, thrown) -> engine.post(execution, () -> {
            if (!resumer.isCurrent()) {
                return;
            }
            if (thrown != null) {
                StatesError error = asStatesError(thrown);
                if (token != null) {
                    engine.tokens().remove(token);
                }
                events.failed(error);
                resumer.resumeNow(Outcome.failed(error));
            } else if (token != null) {
                events.submitted(result);
            } else {
                finish(events, resumer, result);
            }
        }));
        if (token != null) {
            engine.tokens().register(token, new TaskTokens.Waiter() {
                @Override
                public void succeed(JsonNode output) {
                    engine.post(execution, () -> {
                        if (resumer.isCurrent()) {
                            finish(events, resumer, output);
                        }
                    });
                }

                @Override
                public void fail(StatesError error) {
                    engine.post(execution, () -> {
                        if (resumer.isCurrent()) {
                            events.failed(error);
                            resumer.resumeNow(Outcome.failed(error));
                        }
                    });
                }

                @Override
                public void heartbeat() {
                    if (beat != null) {
                        engine.post(execution, beat::reset);
                    }
                }
            });
        }
        return Outcome.PENDING;
    }

    private static void finish(TaskEvents events, BranchRun.Resumer resumer, JsonNode result) {
        if (Json.exceeds(result, ExecutionEngine.PAYLOAD_LIMIT_BYTES)) {
            StatesError error = new StatesError(ErrorNames.DATA_LIMIT_EXCEEDED,
                    "The task returned a result with a size exceeding the maximum number of bytes service limit.");
            events.failed(error);
            resumer.resumeNow(Outcome.failed(error));
            return;
        }
        events.succeeded(result);
        resumer.resumeNow(Outcome.done(result));
    }

    private static StatesError asStatesError(Throwable thrown) {
        Throwable t = thrown instanceof CompletionException && thrown.getCause() != null ? thrown.getCause() : thrown;
        return t instanceof StatesError e ? e : new StatesError(ErrorNames.TASK_FAILED, String.valueOf(t));
    }

    private static long seconds(DynamicValue value, JsonNode input, StateContext ctx, long absent) {
        if (value == null) {
            return absent;
        }
        JsonNode v = value.value(input, ctx);
        if (!v.canConvertToExactIntegral() || v.longValue() <= 0) {
            throw StatesError.runtime("The value of " + value.field() + " must be a positive integer, not " + v);
        }
        return v.longValue();
    }

    /** The heartbeat timer of a task: each SendTaskHeartbeat pushes it back by HeartbeatSeconds. */
    private static final class Heartbeat {
        private final BranchRun branch;
        private final BranchRun.Resumer resumer;
        private final TaskEvents events;
        private final Runnable abandon;
        private final long seconds;
        private SimulationClock.Timer timer;

        Heartbeat(BranchRun branch, BranchRun.Resumer resumer, TaskEvents events, Runnable abandon, long seconds) {
            this.branch = branch;
            this.resumer = resumer;
            this.events = events;
            this.abandon = abandon;
            this.seconds = seconds;
            reset();
        }

        void reset() {
            if (timer != null) {
                timer.cancel();
            }
            if (!resumer.isCurrent()) {
                return;
            }
            timer = branch.schedule(branch.engine().clock().instant().plus(Duration.ofSeconds(seconds)), () -> {
                if (resumer.isCurrent()) {
                    abandon.run();
                    events.timedOut(ErrorNames.HEARTBEAT_TIMEOUT, "No heartbeat within " + seconds + " seconds");
                    resumer.resumeNow(Outcome.failed(new StatesError(ErrorNames.HEARTBEAT_TIMEOUT, null)));
                }
            });
        }
    }

    /** The history events of one task call, in the Task… or LambdaFunction… form. */
    private record TaskEvents(ExecutionEngine engine, Execution execution, ResourceArn resource) {

        private boolean lambdaFunction() {
            return resource.isLambdaFunction();
        }

        void scheduled(JsonNode payload, long timeout, long heartbeat) {
            Map<String, Object> d = new LinkedHashMap<>();
            if (lambdaFunction()) {
                d.put("resource", resource.text());
                d.put("input", payload);
                d.put("inputDetails", History.NOT_TRUNCATED);
                d.put("timeoutInSeconds", timeout);
                engine.record(execution, "LambdaFunctionScheduled", d);
                return;
            }
            d.putAll(base());
            d.put("region", dev.ekslifecycle.local.aws.LocalAccount.DEFAULT_REGION);
            d.put("parameters", payload);
            d.put("timeoutInSeconds", timeout);
            if (heartbeat > 0) {
                d.put("heartbeatInSeconds", heartbeat);
            }
            engine.record(execution, "TaskScheduled", d);
        }

        void started() {
            engine.record(execution, lambdaFunction() ? "LambdaFunctionStarted" : "TaskStarted",
                    lambdaFunction() ? Map.of() : base());
        }

        void submitted(JsonNode output) {
            Map<String, Object> d = base();
            d.put("output", output == null ? Json.object() : output);
            d.put("outputDetails", History.NOT_TRUNCATED);
            engine.record(execution, "TaskSubmitted", d);
        }

        void succeeded(JsonNode output) {
            Map<String, Object> d = lambdaFunction() ? new LinkedHashMap<>() : base();
            d.put("output", output);
            d.put("outputDetails", History.NOT_TRUNCATED);
            engine.record(execution, lambdaFunction() ? "LambdaFunctionSucceeded" : "TaskSucceeded", d);
        }

        void failed(StatesError error) {
            Map<String, Object> d = lambdaFunction() ? new LinkedHashMap<>() : base();
            putError(d, error.error(), error.cause());
            engine.record(execution, lambdaFunction() ? "LambdaFunctionFailed" : "TaskFailed", d);
        }

        void timedOut(String error, String cause) {
            Map<String, Object> d = lambdaFunction() ? new LinkedHashMap<>() : base();
            putError(d, error, cause);
            engine.record(execution, lambdaFunction() ? "LambdaFunctionTimedOut" : "TaskTimedOut", d);
        }

        private Map<String, Object> base() {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("resourceType", resource.historyResourceType());
            d.put("resource", resource.historyResource());
            return d;
        }

        private static void putError(Map<String, Object> d, String error, String cause) {
            if (error != null) {
                d.put("error", error);
            }
            if (cause != null) {
                d.put("cause", cause);
            }
        }
    }
}
