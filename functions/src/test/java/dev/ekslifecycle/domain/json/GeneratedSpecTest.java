package dev.ekslifecycle.domain.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.domain.ClusterSpec;
import dev.ekslifecycle.domain.Problem;
import dev.ekslifecycle.domain.SpecGenerator;
import dev.ekslifecycle.domain.SubnetFacts;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Generated specs (seeded): valid ones survive a round trip; broken ones report each break at its path. */
class GeneratedSpecTest {

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 300);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aGeneratedSpecIsValidAndSurvivesTheRoundTrip(long seed) {
        ClusterSpec spec = new SpecGenerator(seed).cluster();
        SpecCheck check = ClusterSpecJson.check(ClusterSpecJson.write(spec), SubnetFacts.UNKNOWN);
        assertEquals(List.of(), check.problems());
        assertEquals(spec, check.spec());
        assertEquals(spec, ClusterSpecJson.read(ClusterSpecJson.write(spec)));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyBreakIsReportedAtItsPathAndNothingElse(long seed) {
        Random random = new Random(seed);
        ObjectNode document = (ObjectNode) ClusterSpecJson.toJson(new SpecGenerator(seed).cluster());
        List<Break> breaks = new ArrayList<>(List.of(Break.values()));
        Collections.shuffle(breaks, random);
        Set<String> expected = new TreeSet<>();
        for (Break b : breaks.subList(0, 1 + random.nextInt(breaks.size()))) {
            String path = b.apply(document, random);
            if (path != null) {
                expected.add(path);
            }
        }
        List<Problem> problems = ClusterSpecJson.check(document, SubnetFacts.UNKNOWN).problems();
        assertEquals(expected, problems.stream().map(Problem::path).collect(Collectors.toCollection(TreeSet::new)),
                problems::toString);
        assertEquals(expected.size(), problems.size(), problems::toString);
    }

    /** One way to break a valid document; returns the path of the problem, or null when it does not apply. */
    private enum Break {
        CLUSTER_NAME_CHARACTER {
            @Override
            String apply(ObjectNode doc, Random random) {
                String name = doc.get("name").textValue();
                int at = random.nextInt(name.length());
                doc.put("name", name.substring(0, at) + " !./".charAt(random.nextInt(4)) + name.substring(at + 1));
                return "name";
            }
        },
        CLUSTER_NAME_LENGTH {
            @Override
            String apply(ObjectNode doc, Random random) {
                doc.put("name", "a".repeat(101 + random.nextInt(50)));
                return "name";
            }
        },
        VERSION {
            @Override
            String apply(ObjectNode doc, Random random) {
                doc.put("version", List.of("1", "latest", "1.31.0", "v1.30").get(random.nextInt(4)));
                return "version";
            }
        },
        UNKNOWN_FIELD {
            @Override
            String apply(ObjectNode doc, Random random) {
                int i = randomIndex(doc, "nodegroups", random);
                if (i < 0) {
                    doc.put("scalingConfig", 3);
                    return "scalingConfig";
                }
                element(doc, "nodegroups", i).put("scalingConfig", 3);
                return "nodegroups[" + i + "].scalingConfig";
            }
        },
        RESERVED_TAG {
            @Override
            String apply(ObjectNode doc, Random random) {
                String key = "aws:x" + random.nextInt(100);
                ((ObjectNode) doc.get("tags")).put(key, "v");
                return "tags[\"" + key + "\"]";
            }
        },
        DESIRED_ABOVE_MAX {
            @Override
            String apply(ObjectNode doc, Random random) {
                int i = randomIndex(doc, "nodegroups", random);
                if (i < 0) {
                    return null;
                }
                ObjectNode ng = element(doc, "nodegroups", i);
                ng.put("desiredSize", ng.get("maxSize").intValue() + 1 + random.nextInt(3));
                return "nodegroups[" + i + "].desiredSize";
            }
        },
        TAINT_EFFECT {
            @Override
            String apply(ObjectNode doc, Random random) {
                int i = randomIndex(doc, "nodegroups", random);
                if (i < 0 || element(doc, "nodegroups", i).get("taints").isEmpty()) {
                    return null;
                }
                ((ObjectNode) element(doc, "nodegroups", i).get("taints").get(0)).put("effect", "NoSchedule");
                return "nodegroups[" + i + "].taints[0].effect";
            }
        },
        TOO_MANY_SELECTORS {
            @Override
            String apply(ObjectNode doc, Random random) {
                int i = randomIndex(doc, "fargateProfiles", random);
                if (i < 0) {
                    return null;
                }
                ArrayNode selectors = (ArrayNode) element(doc, "fargateProfiles", i).get("selectors");
                while (selectors.size() < 6) {
                    selectors.addObject().put("namespace", "extra-" + selectors.size());
                }
                return "fargateProfiles[" + i + "].selectors";
            }
        };

        abstract String apply(ObjectNode doc, Random random);

        /** A random index into the array {@code field}, or -1 when it is empty. */
        static int randomIndex(ObjectNode doc, String field, Random random) {
            int size = doc.get(field).size();
            return size == 0 ? -1 : random.nextInt(size);
        }

        static ObjectNode element(ObjectNode doc, String field, int i) {
            return (ObjectNode) doc.get(field).get(i);
        }
    }
}
