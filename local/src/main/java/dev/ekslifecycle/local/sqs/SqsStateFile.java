package dev.ekslifecycle.local.sqs;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/** {@code sqs-state.json} in the data directory: every queue and its messages, replaced atomically. */
final class SqsStateFile {

    /** One queue as saved. */
    record SavedQueue(String name, Map<String, String> attributes, Map<String, String> tags, long createdAt,
                      long modifiedAt, List<QueueMessage> messages) {

        SavedQueue {
            tags = tags == null ? Map.of() : tags;
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;

    SqsStateFile(Path directory) {
        this.file = directory.resolve("sqs-state.json");
    }

    List<SavedQueue> load() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return MAPPER.readValue(file.toFile(), new TypeReference<List<SavedQueue>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the SQS state in " + file, e);
        }
    }

    void save(List<SavedQueue> queues) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            MAPPER.writeValue(tmp.toFile(), queues);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the SQS state in " + file, e);
        }
    }
}
