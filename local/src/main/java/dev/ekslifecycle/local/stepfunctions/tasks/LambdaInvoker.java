package dev.ekslifecycle.local.stepfunctions.tasks;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Invokes Lambda functions for the executor; the local cloud plugs its Lambda emulator in here. Called on the
 * clock's pool, never on an execution's monitor, so it may block while the function runs.
 */
@FunctionalInterface
public interface LambdaInvoker {

    /**
     * Invokes {@code functionName} (a name, a full or partial ARN, possibly with a qualifier) synchronously.
     *
     * @return the function's result or its function error
     * @throws LambdaServiceException when Lambda itself refuses the call (no such function, throttling, ...)
     */
    LambdaResponse invoke(String functionName, JsonNode payload) throws LambdaServiceException;

    /** An invoker that knows no function: every call fails with Lambda.ResourceNotFoundException. */
    static LambdaInvoker none() {
        return (name, payload) -> {
            throw new LambdaServiceException("ResourceNotFoundException", "Function not found: " + name);
        };
    }
}
