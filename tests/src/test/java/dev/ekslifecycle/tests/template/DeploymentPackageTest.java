package dev.ekslifecycle.tests.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ekslifecycle.tests.RepositoryFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built function.zip, the package template.yaml deploys to every function, as Lambda will take it: within
 * Lambda's size limit once unpacked, with its library jars stored uncompressed so that cold starts do not inflate
 * classes (functions/src/build/StoreLibraryJars.java).
 */
class DeploymentPackageTest {

    /** Lambda's quota for a function's unpacked code (262,144,000 bytes), layers included; we use none. */
    private static final long LAMBDA_UNPACKED_LIMIT = 262_144_000L;

    private static Path zip;

    @BeforeAll
    static void builtPackage() {
        zip = RepositoryFiles.resolve("functions/target/function.zip");
        assertTrue(Files.isRegularFile(zip), "the functions module builds " + zip + " before this module's tests");
    }

    @Test
    void unpackedPackageFitsLambdasLimit() throws IOException {
        long unpacked = 0;
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : file.stream().toList()) {
                unpacked += entry.getSize();
            }
        }
        assertTrue(unpacked > 0 && unpacked < LAMBDA_UNPACKED_LIMIT,
                zip + " unpacks to " + unpacked + " bytes; Lambda takes at most " + LAMBDA_UNPACKED_LIMIT);
    }

    @Test
    void everyLibraryJarHoldsItsEntriesStored() throws IOException {
        List<String> compressed = new ArrayList<>();
        int jars = 0;
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : file.stream().filter(DeploymentPackageTest::isLibraryJar).toList()) {
                jars++;
                try (ZipInputStream jar = new ZipInputStream(file.getInputStream(entry))) {
                    for (ZipEntry inner = jar.getNextEntry(); inner != null; inner = jar.getNextEntry()) {
                        if (inner.getMethod() != ZipEntry.STORED) {
                            compressed.add(entry.getName() + "!" + inner.getName());
                        }
                    }
                }
            }
        }
        assertTrue(jars > 10, "only " + jars + " library jars in " + zip);
        assertEquals(List.of(), compressed, "compressed entries a cold start would inflate");
    }

    @Test
    void packageItselfIsCompressedForUpload() throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            ZipEntry dynamoDb = file.stream().filter(e -> e.getName().matches("lib/.*\\.dynamodb-.*\\.jar"))
                    .findFirst().orElseThrow();
            assertEquals(ZipEntry.DEFLATED, dynamoDb.getMethod());
            assertTrue(dynamoDb.getCompressedSize() < dynamoDb.getSize() / 2,
                    "the stored jar deflates to " + dynamoDb.getCompressedSize() + " of " + dynamoDb.getSize());
        }
    }

    @Test
    void carriesTheListOfClassesSnapStartPrimingInitialises() throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            ZipEntry list = file.getEntry("META-INF/quarkus-generated-preload-classes.txt");
            assertTrue(list != null, "Quarkus' preload list, which SnapStartPriming initialises before a snapshot");
            List<String> names;
            try (InputStream in = file.getInputStream(list)) {
                names = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank())
                        .toList();
            }
            assertTrue(names.size() > 100, "only " + names.size() + " classes listed");
            List<String> missing = names.stream()
                    .filter(name -> file.getEntry(name.strip().replace('.', '/') + ".class") == null).toList();
            assertEquals(List.of(), missing, "listed classes the package does not hold at its root");
        }
    }

    private static boolean isLibraryJar(ZipEntry entry) {
        return entry.getName().startsWith("lib/") && entry.getName().endsWith(".jar");
    }
}
