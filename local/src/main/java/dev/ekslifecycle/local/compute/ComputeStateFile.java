package dev.ekslifecycle.local.compute;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ekslifecycle.local.files.AtomicJsonFile;
import dev.ekslifecycle.local.files.InstantText;
import java.nio.file.Path;
import java.util.Optional;

/** {@code compute-state.json} in the data directory, replaced atomically so a crash never leaves half a file. */
public final class ComputeStateFile {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .registerModule(InstantText.module());

    private final AtomicJsonFile<ComputeState> file;

    public ComputeStateFile(Path dataDirectory) {
        this.file = new AtomicJsonFile<>(dataDirectory.resolve("compute-state.json"), MAPPER,
                new TypeReference<>() { }, "the compute state");
    }

    public Optional<ComputeState> load() {
        return file.load();
    }

    public void save(ComputeState state) {
        file.save(state);
    }
}
