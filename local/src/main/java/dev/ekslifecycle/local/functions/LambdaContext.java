package dev.ekslifecycle.local.functions;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The {@code com.amazonaws.services.lambda.runtime.Context} handed to a handler. The interface is the one in the
 * function's own class loader (the local cloud does not depend on the Lambda libraries), so the context is a
 * dynamic proxy implementing it; its logger writes to {@code java.util.logging} under the function's name.
 */
final class LambdaContext {

    private static final String CONTEXT = "com.amazonaws.services.lambda.runtime.Context";
    private static final String LOGGER = "com.amazonaws.services.lambda.runtime.LambdaLogger";

    private LambdaContext() {
    }

    static Object create(ClassLoader loader, FunctionSpec spec, long deadlineNanos) throws ClassNotFoundException {
        Logger log = Logger.getLogger("function." + spec.name());
        Object logger = proxy(loader, loader.loadClass(LOGGER), (proxy, method, args) -> {
            if (method.getName().equals("log") && args != null && args.length >= 1) {
                log.info(args[0] instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                        : String.valueOf(args[0]));
                return null;
            }
            return objectMethod(proxy, method, args, "LambdaLogger[" + spec.name() + "]");
        });
        String requestId = UUID.randomUUID().toString();
        return proxy(loader, loader.loadClass(CONTEXT), (proxy, method, args) -> switch (method.getName()) {
            case "getAwsRequestId" -> requestId;
            case "getLogGroupName" -> "/aws/lambda/" + spec.name();
            case "getLogStreamName" -> "local/" + requestId;
            case "getFunctionName" -> spec.name();
            case "getFunctionVersion" -> "$LATEST";
            case "getInvokedFunctionArn" -> spec.arn();
            case "getRemainingTimeInMillis" -> (int) Math.max(0,
                    Duration.ofNanos(deadlineNanos - System.nanoTime()).toMillis());
            case "getMemoryLimitInMB" -> spec.memoryMb();
            case "getLogger" -> logger;
            case "getIdentity", "getClientContext", "getTenantId", "getXrayTraceId" -> null;
            default -> objectMethod(proxy, method, args, "Context[" + spec.name() + "/" + requestId + "]");
        });
    }

    private static Object proxy(ClassLoader loader, Class<?> type, InvocationHandler handler) {
        return Proxy.newProxyInstance(loader, new Class<?>[] {type}, handler);
    }

    /** equals, hashCode and toString of a proxy; default interface methods run as written. */
    private static Object objectMethod(Object proxy, Method method, Object[] args, String name) throws Throwable {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            case "toString" -> name;
            default -> {
                if (method.isDefault()) {
                    yield InvocationHandler.invokeDefault(proxy, method, args);
                }
                throw new UnsupportedOperationException(method.toString());
            }
        };
    }
}
