package dev.ekslifecycle.local.eks.state;

import dev.ekslifecycle.local.eks.model.EksJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** {@code eks-state.json} in the data directory, replaced atomically so a crash never leaves half a file. */
public final class StateFile {

    private final Path file;

    public StateFile(Path dataDirectory) {
        this.file = dataDirectory.resolve("eks-state.json");
    }

    public Optional<EksState> load() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(EksJson.MAPPER.readValue(file.toFile(), EksState.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the EKS state in " + file, e);
        }
    }

    public void save(EksState state) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            EksJson.MAPPER.writeValue(tmp.toFile(), state);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the EKS state in " + file, e);
        }
    }
}
