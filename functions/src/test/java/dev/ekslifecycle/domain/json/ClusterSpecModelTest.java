package dev.ekslifecycle.domain.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.ekslifecycle.domain.CapacityType;
import dev.ekslifecycle.domain.SpecGenerator;
import dev.ekslifecycle.domain.SubnetFacts;
import dev.ekslifecycle.domain.TaintEffect;
import dev.ekslifecycle.domain.UpdateStrategy;
import dev.ekslifecycle.domain.UpgradePolicy;
import dev.ekslifecycle.local.cloud.template.CloudFormationYaml;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The API stage's request model in template.yaml ({@code LifecycleApi} model {@code ClusterSpec}, JSON Schema
 * draft-04) and the domain's reading and validation of a spec agree: the model accepts every valid spec, and
 * whatever the model refuses the function would refuse too (the model is the looser of the two, so that the function
 * can report every problem with its path). Checked on seeded generated specs and seeded breaks of them.
 */
class ClusterSpecModelTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static JsonSchema model;
    private static JsonNode modelDocument;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readModel() throws IOException {
        Map<String, Object> resources = (Map<String, Object>) CloudFormationYaml.read(Path.of("..", "template.yaml"))
                .get("Resources");
        Map<String, Object> api = (Map<String, Object>) ((Map<String, Object>) resources.get("LifecycleApi"))
                .get("Properties");
        modelDocument = new ObjectMapper().valueToTree(((Map<String, Object>) api.get("Models")).get("ClusterSpec"));
        assertEquals("http://json-schema.org/draft-04/schema#", modelDocument.get("$schema").asText());
        model = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(modelDocument);
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 300);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void theModelAcceptsEveryValidSpec(long seed) {
        JsonNode spec = ClusterSpecJson.toJson(new SpecGenerator(seed).cluster());
        assertEquals(Set.of(), model.validate(spec));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void whatTheModelRefusesTheFunctionRefuses(long seed) {
        Random random = new Random(seed);
        for (int round = 0; round < 10; round++) {
            ObjectNode document = (ObjectNode) ClusterSpecJson.toJson(new SpecGenerator(seed * 31 + round).cluster());
            String change = Mutation.any(random).apply(document, random);
            Set<ValidationMessage> refused = model.validate(document);
            if (!refused.isEmpty()) {
                assertFalse(ClusterSpecJson.check(document, SubnetFacts.UNKNOWN).valid(),
                        "the model refuses (" + refused + ") what the function accepts after " + change);
            }
        }
    }

    @Test
    void theModelRefusesWrongShapes() {
        ObjectNode valid = (ObjectNode) ClusterSpecJson.toJson(new SpecGenerator(7).cluster());
        List<JsonNode> wrong = List.of(NODES.arrayNode(), NODES.textNode("name: x"),
                valid.deepCopy().without("roleArn"), valid.deepCopy().put("deletionProtection", "yes"),
                valid.deepCopy().put("upgradePolicy", "standard"),
                valid.deepCopy().set("nodegroups", NODES.arrayNode().add(NODES.objectNode().put("name", "ng"))));
        for (JsonNode document : wrong) {
            assertFalse(model.validate(document).isEmpty(), "the model accepts " + document);
        }
    }

    @Test
    void theModelsEnumerationsAreTheDomainsWithNullForAbsent() {
        JsonNode properties = modelDocument.get("properties");
        JsonNode nodegroup = properties.get("nodegroups").get("items").get("properties");
        assertEquals(names(UpgradePolicy.values(), true), texts(properties.get("upgradePolicy").get("enum")));
        assertEquals(names(CapacityType.values(), true), texts(nodegroup.get("capacityType").get("enum")));
        assertEquals(names(UpdateStrategy.values(), true), texts(nodegroup.get("updateStrategy").get("enum")));
        assertEquals(names(TaintEffect.values(), false), texts(nodegroup.get("taints").get("items")
                .get("properties").get("effect").get("enum")));
    }

    @Test
    void theModelNamesTheFieldsTheReaderKnows() {
        JsonNode properties = modelDocument.get("properties");
        assertEquals(ClusterSpecReader.CLUSTER_FIELDS, fields(properties));
        assertEquals(ClusterSpecReader.NODEGROUP_FIELDS, fields(properties.get("nodegroups").get("items")
                .get("properties")));
        assertEquals(ClusterSpecReader.FARGATE_FIELDS, fields(properties.get("fargateProfiles").get("items")
                .get("properties")));
        assertEquals(ClusterSpecReader.AUTO_MODE_FIELDS, fields(properties.get("autoMode").get("properties")));
    }

    private static Set<String> fields(JsonNode properties) {
        List<String> names = new ArrayList<>();
        properties.fieldNames().forEachRemaining(names::add);
        return Set.copyOf(names);
    }

    private static List<String> names(Enum<?>[] values, boolean withNull) {
        List<String> names = new ArrayList<>(Arrays.stream(values).map(Enum::name).toList());
        if (withNull) {
            names.add("null");
        }
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(v -> texts.add(v.isNull() ? "null" : v.asText()));
        return texts;
    }

    /** One random change somewhere in a document; returns what it did. */
    private enum Mutation {
        REPLACE_WITH_OTHER_TYPE, REPLACE_WITH_NULL, REMOVE_FIELD, ADD_FIELD, LOWER_CASE_TEXT;

        static Mutation any(Random random) {
            return values()[random.nextInt(values().length)];
        }

        String apply(ObjectNode document, Random random) {
            List<ObjectNode> objects = new ArrayList<>();
            collectObjects(document, objects);
            ObjectNode target = objects.get(random.nextInt(objects.size()));
            List<String> fields = new ArrayList<>();
            target.fieldNames().forEachRemaining(fields::add);
            if (fields.isEmpty() || this == ADD_FIELD) {
                target.put("extra" + random.nextInt(10), random.nextInt(3));
                return "adding a field to " + target;
            }
            String field = fields.get(random.nextInt(fields.size()));
            JsonNode before = target.get(field);
            switch (this) {
                case REPLACE_WITH_OTHER_TYPE -> target.set(field, otherType(before, random));
                case REPLACE_WITH_NULL -> target.set(field, NODES.nullNode());
                case REMOVE_FIELD -> target.remove(field);
                default -> target.set(field, before.isTextual() ? NODES.textNode(before.asText().toLowerCase())
                        : before);
            }
            return name() + " of " + field + " (was " + before + ") in " + target;
        }

        private static JsonNode otherType(JsonNode value, Random random) {
            List<JsonNode> others = new ArrayList<>(List.of(NODES.textNode("x"), NODES.numberNode(3),
                    NODES.booleanNode(true), NODES.arrayNode(), NODES.objectNode(), NODES.numberNode(1.5)));
            others.removeIf(o -> o.getNodeType() == value.getNodeType() && !(o.isNumber() && o.isIntegralNumber()
                    != value.isIntegralNumber()));
            return others.get(random.nextInt(others.size()));
        }

        private static void collectObjects(JsonNode node, List<ObjectNode> into) {
            if (node instanceof ObjectNode object) {
                into.add(object);
            }
            if (node instanceof ArrayNode || node instanceof ObjectNode) {
                node.forEach(child -> collectObjects(child, into));
            }
        }
    }
}
