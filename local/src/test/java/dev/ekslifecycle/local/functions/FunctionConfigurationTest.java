package dev.ekslifecycle.local.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionConfigurationTest {

    @Test
    void variablesAreVisibleUnderTheirOwnNameAndTheirConfigPropertyNameAboveApplicationProperties(
            @TempDir Path dir) throws Exception {
        URL entry = FunctionConfiguration.write(dir, Map.of("QUARKUS_LAMBDA_HANDLER", "create-cluster",
                "STATE_TABLE", "eks-lifecycle-StateTable"));
        Properties read = new Properties();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {entry}, null);
             InputStream in = loader.getResourceAsStream("META-INF/microprofile-config.properties")) {
            read.load(in);
        }
        assertEquals(Map.of("config_ordinal", "300",
                "QUARKUS_LAMBDA_HANDLER", "create-cluster", "quarkus.lambda.handler", "create-cluster",
                "STATE_TABLE", "eks-lifecycle-StateTable", "state.table", "eks-lifecycle-StateTable"), read);
    }
}
