package dev.ekslifecycle.handlers;

import dev.ekslifecycle.aws.ClientPriming;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.SdkClient;

/**
 * SnapStart priming. Lambda snapshots a published version after its initialisation and restores the snapshot for
 * each new environment; just before the snapshot ({@link #beforeCheckpoint}, a CRaC runtime hook) this builds the
 * handler {@code QUARKUS_LAMBDA_HANDLER} selects, with its services, and every SDK client of the application, and
 * primes the clients ({@link ClientPriming}: the request path runs on canned answers, nothing is sent). A restored
 * function then starts with all of it loaded, initialised and in memory.
 *
 * <p>With provisioned concurrency (no snapshot; Lambda initialises the environments before traffic reaches them) the
 * same priming runs during initialisation, where it costs no caller anything. Otherwise (on-demand) a start does
 * nothing its first request does not need: the clients are built on their first call.
 */
@ApplicationScoped
public class SnapStartPriming implements Resource {

    private static final Logger LOG = Logger.getLogger(SnapStartPriming.class);

    /** Lambda's INIT_TYPE for this environment: on-demand, provisioned-concurrency or snap-start. */
    static final String PROVISIONED_CONCURRENCY = "provisioned-concurrency";

    @ConfigProperty(name = "quarkus.lambda.handler")
    String handler;

    @ConfigProperty(name = "AWS_LAMBDA_INITIALIZATION_TYPE", defaultValue = "on-demand")
    String initializationType;

    void register(@Observes StartupEvent started) {
        // The CRaC context holds resources weakly; this bean lives as long as the application.
        Core.getGlobalContext().register(this);
        if (PROVISIONED_CONCURRENCY.equals(initializationType)) {
            prime("provisioned concurrency");
        }
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime("the snapshot");
    }

    private void prime(String forWhat) {
        long begun = System.nanoTime();
        try (InstanceHandle<Object> built = Arc.container().instance(handler)) {
            if (built.isAvailable()) {
                built.get();
            }
        }
        int primed = ClientPriming.prime(Arc.container().select(SdkClient.class));
        LOG.infof("handler %s built and %d AWS client(s) primed for %s in %d ms", handler, primed, forWhat,
                (System.nanoTime() - begun) / 1_000_000);
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to redo: the SDK resolves credentials again when the cached ones expire.
    }
}
