package dev.ekslifecycle.local.stepfunctions.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ekslifecycle.local.stepfunctions.errors.ErrorNames;
import dev.ekslifecycle.local.stepfunctions.errors.StatesError;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Calls one action of an AWS SDK client by name with JSON parameters: finds the client method, builds its request
 * from the parameters and turns the response into JSON. A service error becomes {@code <Prefix>.<ErrorCode>} (for
 * example {@code Eks.ResourceNotFoundException}), which Retry and Catch match.
 */
final class SdkCaller {

    private final SdkClients clients;

    SdkCaller(SdkClients clients) {
        this.clients = clients;
    }

    boolean knows(String service) {
        return clients.client(service).isPresent();
    }

    /** Calls the action on the calling thread (it blocks while the service answers). */
    JsonNode call(String service, String action, JsonNode parameters, String errorPrefix) {
        SdkClients.ServiceClient client = clients.client(service).orElseThrow(() -> StatesError.runtime(
                "The service '" + service + "' is not available to the local executor"));
        Method method = Arrays.stream(client.type().getMethods())
                .filter(m -> m.getName().equals(action) && m.getParameterCount() == 1
                        && SdkPojo.class.isAssignableFrom(m.getParameterTypes()[0]))
                .findFirst().orElseThrow(() -> StatesError.runtime("The action '" + action
                        + "' is not supported by the service '" + service + "'"));
        Object request = request(method.getParameterTypes()[0], parameters, action);
        try {
            return SdkJson.toJson(method.invoke(client.client(), request));
        } catch (InvocationTargetException e) {
            throw error(e.getCause(), errorPrefix);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object request(Class<?> type, JsonNode parameters, String action) {
        try {
            SdkPojo builder = (SdkPojo) type.getMethod("builder").invoke(null);
            SdkJson.fill(builder, parameters, action);
            return ((SdkBuilder<?, ?>) builder).build();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getName(), e);
        }
    }

    private static StatesError error(Throwable cause, String prefix) {
        if (cause instanceof AwsServiceException e && e.awsErrorDetails() != null) {
            // a modelled error has its own class under the service's base exception; others carry only a code
            boolean modelled = e.getClass().getSuperclass() != AwsServiceException.class
                    && e.getClass() != AwsServiceException.class;
            String name = modelled ? e.getClass().getSimpleName() : e.awsErrorDetails().errorCode();
            return new StatesError(prefix + "." + name, e.awsErrorDetails().errorMessage()
                    + " (Service: " + e.awsErrorDetails().serviceName() + ", Status Code: " + e.statusCode()
                    + ", Request ID: " + e.requestId() + ")");
        }
        if (cause instanceof StatesError e) {
            return e;
        }
        if (cause instanceof SdkException e) {
            return new StatesError(ErrorNames.TASK_FAILED, e.getMessage());
        }
        return new StatesError(ErrorNames.TASK_FAILED, String.valueOf(cause));
    }
}
