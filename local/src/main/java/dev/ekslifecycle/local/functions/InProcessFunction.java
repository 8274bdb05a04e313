package dev.ekslifecycle.local.functions;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One Lambda function running in this JVM: its own class loader over the function package (parent: the platform
 * class loader, so nothing of the local cloud leaks in), hence its own Quarkus application, configured from its own
 * environment. The application starts on the first invocation, like a cold start, and the handler is called as
 * the Java runtime calls a {@code RequestStreamHandler}: payload bytes in, response bytes out.
 *
 * <p>Invocations may run concurrently (Lambda would start more instances); the handler beans are shared.
 */
public final class InProcessFunction implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(InProcessFunction.class.getName());
    private static final String CONTEXT = "com.amazonaws.services.lambda.runtime.Context";
    private static final String QUARKUS = "io.quarkus.runtime.Quarkus";
    private static final String APPLICATION = "io.quarkus.runtime.Application";

    private final FunctionPackage functionPackage;
    private final FunctionSpec spec;
    private Started started;

    public InProcessFunction(FunctionPackage functionPackage, FunctionSpec spec) {
        this.functionPackage = functionPackage;
        this.spec = spec;
    }

    public FunctionSpec spec() {
        return spec;
    }

    /**
     * Runs the handler on the calling thread.
     *
     * @throws FunctionFailure when the handler (or its application's start) throws
     */
    public byte[] invoke(byte[] payload) throws FunctionFailure {
        Started s = start();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(s.loader);
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(spec.timeoutSeconds()).toNanos();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            s.method.invoke(s.handler, new ByteArrayInputStream(payload), out,
                    LambdaContext.create(s.loader, spec, deadline));
            return out.toByteArray();
        } catch (InvocationTargetException e) {
            throw FunctionFailure.thrownBy(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot call the handler of " + spec.name(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private synchronized Started start() throws FunctionFailure {
        if (started != null) {
            return started;
        }
        URLClassLoader loader = null;
        try {
            List<URL> classPath = new ArrayList<>();
            classPath.add(FunctionConfiguration.write(functionPackage.newFunctionDirectory(spec.name()),
                    spec.environment()));
            classPath.addAll(functionPackage.classPath());
            loader = new URLClassLoader("function-" + spec.name(), classPath.toArray(URL[]::new),
                    ClassLoader.getPlatformClassLoader());
            URLClassLoader functionLoader = loader;
            started = JvmPropertiesGuard.boot(() -> boot(functionLoader));
            return started;
        } catch (InvocationTargetException e) {
            closeQuietly(loader);
            throw FunctionFailure.thrownBy(e.getCause());
        } catch (Exception e) {
            closeQuietly(loader);
            throw new IllegalStateException("cannot load the handler " + spec.handler() + " of " + spec.name(), e);
        }
    }

    private Started boot(URLClassLoader loader) throws ReflectiveOperationException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            SdkEnvironment.apply(loader, spec.environment());
            Class<?> handlerClass = Class.forName(spec.handlerClass(), true, loader);
            Method method = handlerClass.getMethod(spec.handlerMethod(), InputStream.class, OutputStream.class,
                    loader.loadClass(CONTEXT));
            Object handler = handlerClass.getConstructor().newInstance();
            if (isQuarkus(loader)) {
                // starts the application now, inside the properties guard, instead of in the first handleRequest
                loader.loadClass(QUARKUS).getMethod("manualStart").invoke(null);
            }
            return new Started(loader, handler, method);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Stops the function's application, if it started, and releases its class loader. */
    @Override
    public synchronized void close() {
        if (started == null) {
            return;
        }
        try {
            if (isQuarkus(started.loader)) {
                Object application = started.loader.loadClass(APPLICATION).getMethod("currentApplication").invoke(null);
                if (application != null) {
                    application.getClass().getMethod("stop").invoke(application);
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "the application of " + spec.name() + " did not stop cleanly", e);
        }
        // Quarkus leaves a JVM shutdown hook behind even after the application stopped, and that hook loads classes
        // from this loader when the JVM exits: a Quarkus function's loader stays open (it holds only jar files).
        if (!isQuarkus(started.loader)) {
            closeQuietly(started.loader);
        }
        started = null;
    }

    private static boolean isQuarkus(ClassLoader loader) {
        return loader.getResource(QUARKUS.replace('.', '/') + ".class") != null;
    }

    private static void closeQuietly(URLClassLoader loader) {
        if (loader != null) {
            try {
                loader.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing a function class loader", e);
            }
        }
    }

    private record Started(URLClassLoader loader, Object handler, Method method) {
    }
}
