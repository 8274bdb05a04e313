package dev.ekslifecycle.local.dynamodb.differential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The corpus under {@code src/test/resources/dynamodb/differential}: one JSON file per scenario, each a list of
 * steps run in order against a fresh server. A step is {@code {"op", "request"}} plus optional
 * {@code "compareMessage"} (compare error messages with moto's too), {@code "unordered"} (a Scan: compare items as a set),
 * {@code "expect"} (what DynamoDB documents, checked against ours as a subset) and {@code "motoDeviates"} (why
 * moto's answer is not compared: moto is known to differ from the documented behaviour in {@code "expect"}).
 */
final class DifferentialCorpus {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DifferentialCorpus() {
    }

    record Scenario(String name, String description, List<Step> steps) {
    }

    record Step(String op, JsonNode request, boolean compareMessage, boolean unordered, JsonNode expect,
                String motoDeviates) {
    }

    static List<Scenario> load() {
        try {
            Path dir = Path.of(DifferentialCorpus.class.getResource("/dynamodb/differential").toURI());
            List<Scenario> scenarios = new ArrayList<>();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                    scenarios.add(parse(file.getFileName().toString(), JSON.readTree(file.toFile())));
                }
            }
            return scenarios;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Scenario parse(String name, JsonNode file) {
        List<Step> steps = new ArrayList<>();
        for (JsonNode s : file.get("steps")) {
            steps.add(new Step(s.get("op").asText(), s.get("request"), s.path("compareMessage").asBoolean(false),
                    s.path("unordered").asBoolean(false), s.get("expect"),
                    s.hasNonNull("motoDeviates") ? s.get("motoDeviates").asText() : null));
        }
        return new Scenario(name, file.path("description").asText(), steps);
    }
}
