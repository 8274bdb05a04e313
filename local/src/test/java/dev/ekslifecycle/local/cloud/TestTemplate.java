package dev.ekslifecycle.local.cloud;

import dev.ekslifecycle.local.cloud.template.StackIdentity;
import dev.ekslifecycle.local.cloud.template.Template;
import dev.ekslifecycle.local.edge.LocalEdge;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipOutputStream;

/**
 * A test template of {@code src/test/resources/cloud/} ({@code async-and-models-template.yaml} unless named)
 * deployed as stack {@code t}: copied into a directory with an empty {@code function.zip} beside it (the tests
 * register stand-in handlers afterwards).
 */
final class TestTemplate {

    private TestTemplate() {
    }

    /** An empty {@code function.zip} in {@code dir}: functions deploy from it, and tests replace their handlers. */
    static void emptyFunctionPackage(Path dir) throws IOException {
        new ZipOutputStream(Files.newOutputStream(dir.resolve("function.zip"))).close();
    }

    static StackDeployment.Deployed deploy(Path dir, LocalEdge edge) throws IOException {
        return deploy("async-and-models-template.yaml", dir, edge);
    }

    static StackDeployment.Deployed deploy(String name, Path dir, LocalEdge edge) throws IOException {
        try (InputStream template = TestTemplate.class.getResourceAsStream("/cloud/" + name)) {
            Files.copy(template, dir.resolve("template.yaml"));
        }
        emptyFunctionPackage(dir);
        return StackDeployment.deploy(Template.read(dir.resolve("template.yaml")), Map.of(), StackIdentity.local("t"),
                dir, edge);
    }
}
