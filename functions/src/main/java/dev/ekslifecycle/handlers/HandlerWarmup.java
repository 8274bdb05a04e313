package dev.ekslifecycle.handlers;

import dev.ekslifecycle.aws.ClientPriming;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.SdkClient;

/**
 * Gets the function's own handler ready while the Lambda is still initialising: builds the handler that
 * {@code QUARKUS_LAMBDA_HANDLER} selects, with the services and SDK clients it injects (and only those), then primes
 * those clients ({@link ClientPriming}). It runs on a background thread started at the end of Quarkus' start-up, so
 * it overlaps with the rest of the runtime's initialisation and the fetching of the first event; the first request
 * waits only for what is not done yet.
 *
 * <p>With SnapStart, Lambda takes the snapshot after initialisation; {@link #beforeCheckpoint} holds it until the
 * warm-up has finished, so a restored function starts with all of this in memory.
 */
@ApplicationScoped
public class HandlerWarmup implements Resource {

    private static final Logger LOG = Logger.getLogger(HandlerWarmup.class);

    private final CompletableFuture<Void> done = new CompletableFuture<>();

    @ConfigProperty(name = "quarkus.lambda.handler")
    String handler;

    @Inject
    ClientPriming priming;

    /**
     * {@code WARMUP_BACKGROUND=false} leaves an on-demand start to the first request (where init has no spare CPU
     * for a second thread); the snapshot of a SnapStart version is warmed up either way.
     */
    @ConfigProperty(name = "warmup.background", defaultValue = "true")
    boolean background;

    void start(@Observes StartupEvent started) {
        // The CRaC context holds resources weakly; this bean lives as long as the application.
        Core.getGlobalContext().register(this);
        if (background) {
            Thread thread = new Thread(this::warm, "handler-warmup");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void warm() {
        long begun = System.nanoTime();
        try (InstanceHandle<Object> built = Arc.container().instance(handler)) {
            if (built.isAvailable()) {
                built.get();
                priming.primeAll();
            }
            LOG.debugf("handler %s warmed up in %d ms", handler, (System.nanoTime() - begun) / 1_000_000);
        } catch (RuntimeException e) {
            // The first request will build the handler itself and meet the same problem, reported there.
            LOG.debugf("warm-up of handler %s stopped: %s", handler, e.toString());
        } finally {
            done.complete(null);
        }
    }

    /**
     * Before the SnapStart snapshot: after the warm-up, also builds and primes the clients the handler builds only
     * on first use, since a restored function pays nothing for having them ready.
     */
    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        if (!background) {
            warm();
        }
        done.join();
        // Getting each client bean builds it, and building one registers it with the priming.
        long built = Arc.container().select(SdkClient.class).stream().count();
        priming.primeAll();
        LOG.debugf("%d AWS client(s) primed for the snapshot", built);
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to redo: the SDK resolves credentials again when the cached ones expire.
    }
}
