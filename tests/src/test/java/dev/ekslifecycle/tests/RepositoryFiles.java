package dev.ekslifecycle.tests;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository's files are, from the {@code repo.root} property that the build passes to tests. */
public final class RepositoryFiles {

    private RepositoryFiles() {
    }

    public static Path root() {
        String root = System.getProperty("repo.root");
        Path path = root != null ? Path.of(root) : Path.of("..");
        if (!Files.isRegularFile(path.resolve("template.yaml"))) {
            throw new IllegalStateException("repository root not found at " + path.toAbsolutePath());
        }
        return path;
    }

    public static Path resolve(String relative) {
        return root().resolve(relative);
    }
}
