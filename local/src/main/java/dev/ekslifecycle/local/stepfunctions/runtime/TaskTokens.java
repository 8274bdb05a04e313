package dev.ekslifecycle.local.stepfunctions.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ekslifecycle.local.stepfunctions.errors.StatesError;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The task tokens of tasks waiting in {@code .waitForTaskToken}, and what SendTask* does with them. */
public final class TaskTokens {

    /** Why a SendTask* call was refused. */
    public enum Refusal { INVALID_TOKEN, TASK_TIMED_OUT }

    private static final String PREFIX = "AQ";
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Waiter> waiting = new ConcurrentHashMap<>();

    /** A task waiting for its token, with what to do on success, failure and heartbeat. */
    interface Waiter {
        void succeed(JsonNode output);

        void fail(StatesError error);

        void heartbeat();
    }

    String issue() {
        byte[] bytes = new byte[96];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    void register(String token, Waiter waiter) {
        waiting.put(token, waiter);
    }

    void remove(String token) {
        waiting.remove(token);
    }

    /** Completes the waiting task with {@code output}; null when accepted, else why not. */
    public Refusal succeed(String token, JsonNode output) {
        Waiter w = check(token);
        if (w == null) {
            return refusal(token);
        }
        waiting.remove(token);
        w.succeed(output);
        return null;
    }

    public Refusal fail(String token, String error, String cause) {
        Waiter w = check(token);
        if (w == null) {
            return refusal(token);
        }
        waiting.remove(token);
        w.fail(new StatesError(error, cause));
        return null;
    }

    public Refusal heartbeat(String token) {
        Waiter w = check(token);
        if (w == null) {
            return refusal(token);
        }
        w.heartbeat();
        return null;
    }

    private Waiter check(String token) {
        return token == null ? null : waiting.get(token);
    }

    private static Refusal refusal(String token) {
        return token != null && token.startsWith(PREFIX) && token.length() > 100 ? Refusal.TASK_TIMED_OUT
                : Refusal.INVALID_TOKEN;
    }
}
