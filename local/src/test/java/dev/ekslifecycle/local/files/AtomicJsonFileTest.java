package dev.ekslifecycle.local.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicJsonFileTest {

    @TempDir
    Path dir;

    private AtomicJsonFile<Map<String, List<Integer>>> file(Path path) {
        return new AtomicJsonFile<>(path, new ObjectMapper(), new TypeReference<>() { }, "the test state");
    }

    @Test
    void nothingSavedLoadsEmpty() {
        assertEquals(Optional.empty(), file(dir.resolve("state.json")).load());
    }

    @Test
    void aSaveReplacesTheWholeStateAndLeavesNoTemporaryFile() {
        Path path = dir.resolve("nested/state.json");
        file(path).save(Map.of("a", List.of(1, 2)));
        file(path).save(Map.of("b", List.of(3)));
        assertEquals(Optional.of(Map.of("b", List.of(3))), file(path).load());
        assertFalse(Files.exists(dir.resolve("nested/state.json.tmp")));
    }

    @Test
    void aCorruptFileIsAnErrorNamingTheStateAndTheFile() throws Exception {
        Path path = dir.resolve("state.json");
        Files.writeString(path, "{\"a\": [1,");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> file(path).load());
        assertTrue(e.getMessage().contains("the test state") && e.getMessage().contains(path.toString()),
                e.getMessage());
    }
}
