package dev.ekslifecycle.local.functions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A Lambda deployment package unpacked into a work directory, as the Java runtime sees it under {@code /var/task}:
 * classes and resources at the root, libraries in {@code lib/*.jar}. Every function of a template that shares the
 * package loads its classes from here; each also gets a directory of its own for its configuration.
 */
public final class FunctionPackage implements AutoCloseable {

    private final Path work;
    private final List<URL> classPath;

    private FunctionPackage(Path work, List<URL> classPath) {
        this.work = work;
        this.classPath = List.copyOf(classPath);
    }

    /**
     * Unpacks {@code zip} into a new temporary directory, removed again by {@link #close()}.
     *
     * @throws IOException when the zip cannot be read, for example because the functions were not built
     */
    public static FunctionPackage unpack(Path zip) throws IOException {
        if (!Files.isRegularFile(zip)) {
            throw new IOException("no function package at " + zip + " (build it with ./mvnw -q -DskipTests package)");
        }
        Path work = Files.createTempDirectory("local-cloud-functions-");
        Path classes = work.resolve("task");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path target = classes.resolve(entry.getName()).normalize();
                if (!target.startsWith(classes)) {
                    throw new IOException("entry " + entry.getName() + " escapes the package");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        List<URL> urls = new ArrayList<>();
        urls.add(url(classes));
        Path lib = classes.resolve("lib");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> jars = Files.list(lib)) {
                jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> urls.add(url(p)));
            }
        }
        return new FunctionPackage(work, urls);
    }

    /** The package's class path: its root, then its libraries. */
    public List<URL> classPath() {
        return classPath;
    }

    /** A new, empty directory for one function's own files. */
    Path newFunctionDirectory(String functionName) throws IOException {
        return Files.createTempDirectory(work, functionName + "-");
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> all = Files.walk(work)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }
}
