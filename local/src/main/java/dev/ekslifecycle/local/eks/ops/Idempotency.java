package dev.ekslifecycle.local.eks.ops;

import dev.ekslifecycle.local.eks.model.EksJson;
import dev.ekslifecycle.local.eks.state.EksStore;
import dev.ekslifecycle.local.eks.state.TokenUse;
import java.util.Optional;

/**
 * {@code clientRequestToken}: a call repeated with the same token and the same request gets the result of the
 * first call instead of acting again; the same token with a different request is refused. Used inside a write.
 */
final class Idempotency {

    private Idempotency() {
    }

    /** What the first call with this token made, when this call repeats it. */
    static Optional<String> replay(EksStore store, String operation, String region, String scope, String token,
                                   Object request) {
        if (token == null) {
            return Optional.empty();
        }
        return store.token(key(operation, region, scope, token)).map(used -> {
            if (!used.fingerprint().equals(EksJson.write(request))) {
                throw EksError.invalidParameter("The clientRequestToken " + token
                        + " was already used with different request parameters");
            }
            return used.resultId();
        });
    }

    static void remember(EksStore store, String operation, String region, String scope, String token,
                         Object request, String resultId) {
        if (token != null) {
            store.put(new TokenUse(key(operation, region, scope, token), EksJson.write(request), resultId));
        }
    }

    private static String key(String operation, String region, String scope, String token) {
        return operation + "/" + region + "/" + scope + "/" + token;
    }
}
