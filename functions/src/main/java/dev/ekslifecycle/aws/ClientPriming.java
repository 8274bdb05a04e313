package dev.ekslifecycle.aws;

import dev.ekslifecycle.aws.PrimingHttpClient.Answer;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.SdkClient;

/**
 * The SDK clients this container built, each with one harmless call, and the pass that makes those calls with
 * canned answers ({@link PrimingHttpClient}): the first real request then finds the SDK's classes loaded and its
 * code paths run (for SnapStart, in the snapshot). A priming pass sends nothing, changes nothing, and tolerates any
 * failure, e.g. credentials that cannot be resolved yet.
 */
@Singleton
public class ClientPriming {

    private static final Logger LOG = Logger.getLogger(ClientPriming.class);

    private final List<Runnable> calls = new ArrayList<>();

    /** Registers a built client with a call that only reads, e.g. {@code c -> c.describeCluster(...)}. */
    public synchronized <C extends SdkClient> C add(C client, Consumer<C> call) {
        calls.add(() -> call.accept(client));
        return client;
    }

    /** Makes every registered call twice, answered once with success and once with an error. */
    public void primeAll() {
        List<Runnable> snapshot;
        synchronized (this) {
            snapshot = List.copyOf(calls);
        }
        long started = System.nanoTime();
        for (Runnable call : snapshot) {
            for (Answer answer : Answer.values()) {
                PrimingHttpClient.answering(answer, () -> tolerating(call));
            }
        }
        LOG.debugf("primed %d AWS client(s) in %d ms", snapshot.size(), (System.nanoTime() - started) / 1_000_000);
    }

    private static void tolerating(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException expected) {
            // The canned error, or a part of the path that cannot run here; priming stops short, nothing more.
            LOG.tracef("priming call ended with %s", expected.toString());
        }
    }
}
