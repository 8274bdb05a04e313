package dev.ekslifecycle.local.files;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * One emulator's state as a JSON file in the data directory. A save writes a sibling file and moves it over the old
 * one atomically, so a crash leaves either the previous state or the new one, never half a file.
 *
 * @param <T> what the file holds
 */
public final class AtomicJsonFile<T> {

    private final Path file;
    private final ObjectMapper mapper;
    private final TypeReference<T> type;
    private final String what;

    /**
     * @param what names the state in error messages, e.g. "the EKS state"
     */
    public AtomicJsonFile(Path file, ObjectMapper mapper, TypeReference<T> type, String what) {
        this.file = file;
        this.mapper = mapper;
        this.type = type;
        this.what = what;
    }

    /** The saved state, or empty when nothing was saved yet. */
    public Optional<T> load() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            T state = mapper.readValue(file.toFile(), type);
            if (state == null) {
                throw new IOException("the file holds null");
            }
            return Optional.of(state);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + what + " in " + file, e);
        }
    }

    public void save(T state) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            mapper.writeValue(tmp.toFile(), state);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save " + what + " in " + file, e);
        }
    }
}
