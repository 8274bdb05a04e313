package dev.ekslifecycle.domain.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.ekslifecycle.domain.ClusterSpec;
import dev.ekslifecycle.domain.ClusterSpecValidator;
import dev.ekslifecycle.domain.FieldPath;
import dev.ekslifecycle.domain.Problems;
import dev.ekslifecycle.domain.SubnetFacts;

/**
 * The cluster spec as a JSON document: check a document a user sent (read, apply defaults, validate, report every
 * problem), write a spec back to JSON, and read back a document written earlier.
 */
public final class ClusterSpecJson {

    // A field given twice would silently keep one of the values: refuse it instead.
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private ClusterSpecJson() {
    }

    /** Checks a document given as text; text that is not JSON is one problem at {@code $}. */
    public static SpecCheck check(String document, SubnetFacts subnets) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(document);
        } catch (JsonProcessingException e) {
            Problems problems = new Problems();
            problems.add(FieldPath.root(), "is not valid JSON: " + e.getOriginalMessage());
            return new SpecCheck(null, problems.list());
        }
        return check(tree == null ? MAPPER.missingNode() : tree, subnets);
    }

    /** Checks a parsed document. */
    public static SpecCheck check(JsonNode document, SubnetFacts subnets) {
        Problems problems = new Problems();
        ClusterSpec spec = ClusterSpecReader.read(document, problems);
        if (spec != null) {
            new ClusterSpecValidator(subnets).validate(spec, problems);
        }
        return new SpecCheck(spec, problems.list());
    }

    /** The document of a spec, every default spelled out. */
    public static JsonNode toJson(ClusterSpec spec) {
        return ClusterSpecWriter.write(spec);
    }

    public static String write(ClusterSpec spec) {
        return toJson(spec).toString();
    }

    /**
     * Reads back a document this class wrote (a stored desired spec). Subnet zones are not checked again: they were
     * checked when the spec was accepted.
     *
     * @throws IllegalArgumentException when the document is not a valid spec
     */
    public static ClusterSpec read(String document) {
        SpecCheck check = check(document, SubnetFacts.UNKNOWN);
        if (!check.valid()) {
            throw new IllegalArgumentException("not a valid cluster spec: " + check.problems());
        }
        return check.spec();
    }
}
