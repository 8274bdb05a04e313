package dev.ekslifecycle.local.lambda;

/**
 * The code behind an emulated Lambda function: it runs in process, takes the invocation payload and returns the
 * response payload. Throwing {@link FunctionError} is the function failing the way a handler does on AWS; any other
 * exception is reported the same way with the exception's class as the error type.
 */
@FunctionalInterface
public interface LambdaHandler {

    byte[] handle(byte[] payload) throws FunctionError;
}
