package dev.ekslifecycle.local.files;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Work a service has accepted and not finished yet (an event waiting for its next attempt), kept as one JSON file
 * per record in a directory of the data directory. Each record is written atomically on its own
 * ({@link AtomicJsonFile}), so a change costs one small file however many records are pending, and a crash
 * leaves every record either as it was or as it became. Without a directory the records live in memory only and
 * nothing is written.
 *
 * @param <T> the record; its {@link java.time.Instant}s are saved as ISO-8601 text
 */
public final class PendingRecords<T> {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,128}");
    private static final String SUFFIX = ".json";
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // every field is written (null included), so one that is missing means the file was damaged
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .registerModule(InstantText.module());

    private final Path directory;
    private final TypeReference<T> type;
    private final String what;

    private PendingRecords(Path directory, TypeReference<T> type, String what) {
        this.directory = directory;
        this.type = type;
        this.what = what;
    }

    /**
     * @param what names a record in error messages, e.g. "a pending asynchronous invocation"
     */
    public static <T> PendingRecords<T> in(Path directory, TypeReference<T> type, String what) {
        return new PendingRecords<>(directory, type, what);
    }

    /** Records that are never written: for a local cloud without a data directory. */
    public static <T> PendingRecords<T> inMemory() {
        return new PendingRecords<>(null, null, null);
    }

    /**
     * Every saved record by id. A temporary file left by a write that a crash interrupted is deleted: its record
     * still has the version before that write.
     *
     * @throws UncheckedIOException naming the file when a record cannot be read, so that start-up fails instead
     *     of dropping the work silently
     */
    public Map<String, T> load() {
        Map<String, T> records = new TreeMap<>();
        if (directory == null || !Files.isDirectory(directory)) {
            return records;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.endsWith(SUFFIX + ".tmp")) {
                    Files.delete(file);
                } else if (name.endsWith(SUFFIX)) {
                    records.put(name.substring(0, name.length() - SUFFIX.length()), read(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        return records;
    }

    private T read(Path file) {
        try {
            T record = MAPPER.readValue(file.toFile(), type);
            if (record == null) {
                throw new IOException("the file holds null");
            }
            return record;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + what + " in " + file
                    + " (fix or remove the file to start)", e);
        }
    }

    /** Saves (or replaces) the record {@code id}. */
    public void put(String id, T record) {
        if (directory != null) {
            file(id).save(record);
        }
    }

    /** Deletes the record {@code id}; one that was never saved is ignored. */
    public void remove(String id) {
        if (directory == null) {
            return;
        }
        Path file = directory.resolve(checked(id) + SUFFIX);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + what + " in " + file, e);
        }
    }

    private AtomicJsonFile<T> file(String id) {
        return new AtomicJsonFile<>(directory.resolve(checked(id) + SUFFIX), MAPPER, type, what);
    }

    private static String checked(String id) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a record id: " + id);
        }
        return id;
    }
}
