package dev.ekslifecycle.local.stepfunctions.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ekslifecycle.local.stepfunctions.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void recordedDetailsKeepTheirOrderAndValuesAndCannotChange() {
        History history = new History(true);
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("name", "S");
        given.put("input", Json.parse("{\"a\":[1]}"));
        given.put("inputDetails", History.NOT_TRUNCATED);
        given.put("index", 3);
        history.add(T0, "PassStateEntered", given);
        history.add(T0, "ParallelStateStarted", Map.of());

        Map<String, Object> recorded = history.events().get(0).details();
        assertEquals(given, recorded);
        assertEquals(new ArrayList<>(given.entrySet()), new ArrayList<>(recorded.entrySet()));
        assertEquals("S", recorded.get("name"));
        assertTrue(recorded.containsKey("index"));
        assertNull(recorded.get("missing"));
        assertThrows(UnsupportedOperationException.class, () -> recorded.put("name", "T"));
        assertTrue(history.events().get(1).details().isEmpty());
    }

    @Test
    void expressHistoriesRecordNothing() {
        History history = new History(false);
        history.add(T0, "PassStateEntered", Map.of("name", "S"));
        assertEquals(0, history.size());
    }
}
