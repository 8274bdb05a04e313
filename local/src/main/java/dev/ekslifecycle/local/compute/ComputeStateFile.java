package dev.ekslifecycle.local.compute;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.ekslifecycle.local.files.AtomicJsonFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/** {@code compute-state.json} in the data directory, replaced atomically so a crash never leaves half a file. */
public final class ComputeStateFile {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .registerModule(new SimpleModule("compute-instants")
                    .addSerializer(Instant.class, ToStringSerializer.instance)
                    .addDeserializer(Instant.class, new StdDeserializer<>(Instant.class) {
                        @Override
                        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                            return Instant.parse(p.getValueAsString());
                        }
                    }));

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
