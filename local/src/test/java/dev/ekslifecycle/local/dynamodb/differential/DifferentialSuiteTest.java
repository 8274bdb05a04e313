package dev.ekslifecycle.local.dynamodb.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ekslifecycle.local.clock.VirtualClock;
import dev.ekslifecycle.local.dynamodb.LocalDynamoDb;
import dev.ekslifecycle.local.dynamodb.LocalDynamoDbConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Runs the corpus against this DynamoDB and against moto's server and compares the answers step by step. moto's
 * URL comes from the system property {@code dynamodb.moto.url} or the environment variable
 * {@code DYNAMODB_MOTO_URL} ({@code .ci/run} starts moto and sets it); without it the suite is skipped with a
 * message.
 */
class DifferentialSuiteTest {

    private static final int MINIMUM_CORPUS = 300;

    static String motoUrl() {
        String url = System.getProperty("dynamodb.moto.url");
        return url != null && !url.isBlank() ? url : System.getenv("DYNAMODB_MOTO_URL");
    }

    @Test
    void corpusCoversAtLeast300Requests() {
        int steps = DifferentialCorpus.load().stream().mapToInt(s -> s.steps().size()).sum();
        assertTrue(steps >= MINIMUM_CORPUS, "the corpus has " + steps + " requests");
    }

    /** True with a moto server to compare with; otherwise says, once, why the suite is skipped. */
    static boolean motoConfigured() {
        String moto = motoUrl();
        if (moto != null && !moto.isBlank()) {
            return true;
        }
        String message = "SKIPPED the DynamoDB differential suite: no moto server (set DYNAMODB_MOTO_URL or "
                + "-Ddynamodb.moto.url; .ci/run installs moto[server]==5.2.5 with Python and sets it)";
        System.out.println(message);
        System.err.println(message);
        return false;
    }

    @TestFactory
    @EnabledIf(value = "motoConfigured", disabledReason = "no moto server: set DYNAMODB_MOTO_URL (.ci/run does)")
    Stream<DynamicNode> oursAgreesWithMoto() {
        String moto = motoUrl();
        RawDynamoDbClient motoClient = new RawDynamoDbClient(moto);
        return DifferentialCorpus.load().stream().map(s -> DynamicContainer.dynamicContainer(
                s.name() + ": " + s.description(), scenario(s, motoClient)));
    }

    /** The steps of one scenario as tests that run in order against fresh servers. */
    private static Stream<DynamicNode> scenario(DifferentialCorpus.Scenario scenario, RawDynamoDbClient moto) {
        ScenarioRun run = new ScenarioRun(moto);
        List<DynamicNode> tests = new ArrayList<>();
        for (int i = 0; i < scenario.steps().size(); i++) {
            DifferentialCorpus.Step step = scenario.steps().get(i);
            boolean last = i == scenario.steps().size() - 1;
            tests.add(DynamicTest.dynamicTest("#" + (i + 1) + " " + step.op(), () -> {
                try {
                    run.check(step);
                } finally {
                    if (last) {
                        run.close();
                    }
                }
            }));
        }
        return tests.stream();
    }

    /** One scenario's servers: a new LocalDynamoDb and a reset moto. */
    private static final class ScenarioRun implements AutoCloseable {
        private final RawDynamoDbClient moto;
        private VirtualClock clock;
        private LocalDynamoDb ours;
        private RawDynamoDbClient oursClient;

        ScenarioRun(RawDynamoDbClient moto) {
            this.moto = moto;
        }

        void check(DifferentialCorpus.Step step) throws Exception {
            if (ours == null) {
                clock = VirtualClock.manual(Instant.parse("2026-11-25T12:00:00Z"));
                ours = LocalDynamoDb.start(LocalDynamoDbConfig.inMemory(clock));
                oursClient = new RawDynamoDbClient(ours.url());
                moto.resetMoto();
            }
            RawDynamoDbClient.Reply ourReply = oursClient.call(step.op(), step.request());
            RawDynamoDbClient.Reply motoReply = moto.call(step.op(), step.request());
            JsonNode ourNormal = ResponseNormalizer.normalize(step.op(), ourReply, step.compareMessage(),
                    step.unordered());
            JsonNode motoNormal = ResponseNormalizer.normalize(step.op(), motoReply, step.compareMessage(),
                    step.unordered());
            assertTrue(ourReply.status() < 500, "ours failed: " + ourReply.body());
            JsonNode ourFull = ResponseNormalizer.normalize(step.op(), ourReply, true, step.unordered());
            if (step.expect() != null && !matches(step.expect(), ourFull)) {
                fail("ours does not give the documented answer\n expected: " + step.expect() + "\n ours:     "
                        + ourFull + "\n moto:     " + motoNormal);
            }
            if (step.motoDeviates() == null) {
                assertEquals(motoNormal, ourNormal, "ours and moto differ on " + step.request());
            }
        }

        /** True when every member of {@code expected} is in {@code actual} with the same value. */
        private static boolean matches(JsonNode expected, JsonNode actual) {
            if (expected.isObject()) {
                if (!actual.isObject()) {
                    return false;
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (e.getValue().isNull() ? actual.has(e.getKey())
                            : !actual.has(e.getKey()) || !matches(e.getValue(), actual.get(e.getKey()))) {
                        return false;
                    }
                }
                return true;
            }
            if (expected.isArray()) {
                if (!actual.isArray() || actual.size() != expected.size()) {
                    return false;
                }
                for (int i = 0; i < expected.size(); i++) {
                    if (!matches(expected.get(i), actual.get(i))) {
                        return false;
                    }
                }
                return true;
            }
            return expected.equals(actual);
        }

        @Override
        public void close() throws Exception {
            if (ours != null) {
                ours.close();
                clock.shutdown();
            }
        }
    }
}
