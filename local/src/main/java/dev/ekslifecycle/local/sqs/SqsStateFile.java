package dev.ekslifecycle.local.sqs;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ekslifecycle.local.files.AtomicJsonFile;
import java.nio.file.Path;
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

    private final AtomicJsonFile<List<SavedQueue>> file;

    SqsStateFile(Path directory) {
        this.file = new AtomicJsonFile<>(directory.resolve("sqs-state.json"), MAPPER, new TypeReference<>() { },
                "the SQS state");
    }

    List<SavedQueue> load() {
        return file.load().orElse(List.of());
    }

    void save(List<SavedQueue> queues) {
        file.save(queues);
    }
}
