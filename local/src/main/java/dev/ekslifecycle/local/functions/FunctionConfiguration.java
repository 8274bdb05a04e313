package dev.ekslifecycle.local.functions;

import java.io.IOException;
import java.io.Writer;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A function's environment variables, given to its Quarkus application as MicroProfile Config: in-process functions
 * share the JVM's real environment, so each function's variables go into a {@code microprofile-config.properties}
 * on its own class path, with the ordinal of the environment-variable source (300), above
 * {@code application.properties} (250). Each variable is written under its own name ({@code STATE_TABLE}) and under
 * the property name the environment source maps it to ({@code state.table}), so
 * {@code quarkus.lambda.handler} comes from {@code QUARKUS_LAMBDA_HANDLER} exactly as on AWS.
 */
final class FunctionConfiguration {

    /** The ordinal SmallRye Config gives environment variables. */
    private static final String ENVIRONMENT_ORDINAL = "300";

    private FunctionConfiguration() {
    }

    /** Writes the configuration into {@code directory} and returns the class-path entry that holds it. */
    static URL write(Path directory, Map<String, String> environment) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("config_ordinal", ENVIRONMENT_ORDINAL);
        for (Map.Entry<String, String> variable : new TreeMap<>(environment).entrySet()) {
            properties.setProperty(variable.getKey(), variable.getValue());
            properties.setProperty(propertyName(variable.getKey()), variable.getValue());
        }
        Path file = directory.resolve("META-INF/microprofile-config.properties");
        Files.createDirectories(file.getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(out, "environment of one local Lambda function");
        }
        return directory.toUri().toURL();
    }

    /** {@code QUARKUS_LAMBDA_HANDLER} → {@code quarkus.lambda.handler}. */
    static String propertyName(String variable) {
        return variable.toLowerCase(Locale.ROOT).replace('_', '.');
    }
}
