package dev.ekslifecycle.handlers;

import dev.ekslifecycle.aws.ClientPriming;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.runtime.PreloadClassesRecorder;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.SdkClient;

/**
 * SnapStart priming. Lambda snapshots a published version after its initialisation and restores the snapshot for
 * each new environment; just before the snapshot ({@link #beforeCheckpoint}, a CRaC runtime hook) this initialises
 * the application's classes, builds the handler {@code QUARKUS_LAMBDA_HANDLER} selects, with its services, and every
 * SDK client of the application, and primes the clients ({@link ClientPriming}: the request path runs on canned answers, nothing is sent). A restored
 * function then starts with all of it loaded, initialised and in memory.
 *
 * <p>With provisioned concurrency (no snapshot; Lambda initialises the environments before traffic reaches them) the
 * same priming runs during initialisation, where it costs no caller anything. Otherwise (on-demand) a start does
 * nothing its first request does not need: the clients are built on their first call.
 */
@ApplicationScoped
public class SnapStartPriming implements Resource {

    private static final Logger LOG = Logger.getLogger(SnapStartPriming.class);

    /** The classes Quarkus' SnapStart support lists at build time (quarkus.snapstart.preload-classes). */
    static final String PRELOAD_LIST = "META-INF/" + PreloadClassesRecorder.QUARKUS_GENERATED_PRELOAD_CLASSES_FILE;

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

    /** What one priming did: application classes initialised, SDK clients primed. */
    record Primed(int classes, int clients) {
    }

    Primed prime(String forWhat) {
        long begun = System.nanoTime();
        int classes = initializeApplicationClasses();
        try (InstanceHandle<Object> built = Arc.container().instance(handler)) {
            if (built.isAvailable()) {
                built.get();
            }
        }
        int clients = ClientPriming.prime(Arc.container().select(SdkClient.class));
        LOG.infof("%d classes initialised, handler %s built and %d AWS client(s) primed for %s in %d ms", classes,
                handler, clients, forWhat, (System.nanoTime() - begun) / 1_000_000);
        return new Primed(classes, clients);
    }

    /**
     * Runs the static initialisers of the classes Quarkus' SnapStart support lists for preloading (it preloads them
     * at every start but, as configured, leaves their initialisation to this).
     */
    private static int initializeApplicationClasses() {
        ClassLoader loader = SnapStartPriming.class.getClassLoader();
        try (InputStream list = loader.getResourceAsStream(PRELOAD_LIST)) {
            if (list == null) {
                LOG.warnf("no %s: the application's classes are initialised on first use", PRELOAD_LIST);
                return 0;
            }
            return initializeListed(list, loader);
        } catch (IOException e) {
            LOG.warnf("cannot read %s (%s): the application's classes are initialised on first use", PRELOAD_LIST, e);
            return 0;
        }
    }

    /** Initialises each class named on a line of {@code list}; returns how many it initialised. */
    static int initializeListed(InputStream list, ClassLoader loader) throws IOException {
        int initialized = 0;
        for (String name : new String(list.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
            if (name.isBlank()) {
                continue;
            }
            try {
                Class.forName(name.strip(), true, loader);
                initialized++;
            } catch (ClassNotFoundException | LinkageError e) {
                // as Quarkus' own preloading does: a class that cannot be initialised now is initialised on first use
                LOG.debugf("not initialised before the snapshot: %s (%s)", name, e);
            }
        }
        return initialized;
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to redo: the SDK resolves credentials again when the cached ones expire.
    }
}
