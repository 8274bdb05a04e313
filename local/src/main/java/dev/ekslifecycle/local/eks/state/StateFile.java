package dev.ekslifecycle.local.eks.state;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.ekslifecycle.local.eks.model.EksJson;
import dev.ekslifecycle.local.files.AtomicJsonFile;
import java.nio.file.Path;
import java.util.Optional;

/** {@code eks-state.json} in the data directory, replaced atomically so a crash never leaves half a file. */
public final class StateFile {

    private final AtomicJsonFile<EksState> file;

    public StateFile(Path dataDirectory) {
        this.file = new AtomicJsonFile<>(dataDirectory.resolve("eks-state.json"), EksJson.MAPPER,
                new TypeReference<>() { }, "the EKS state");
    }

    public Optional<EksState> load() {
        return file.load();
    }

    public void save(EksState state) {
        file.save(state);
    }
}
