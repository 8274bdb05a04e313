package dev.ekslifecycle.domain.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ekslifecycle.domain.Problem;
import dev.ekslifecycle.domain.SubnetFacts;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The validation cases kept as data in {@code domain/validation-cases.json}. */
class ValidationCasesTest {

    static Stream<Arguments> cases() throws IOException {
        JsonNode file;
        try (InputStream in = ValidationCasesTest.class.getResourceAsStream("/domain/validation-cases.json")) {
            file = new ObjectMapper().readTree(in);
        }
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode c : file.get("cases")) {
            List<Problem> expected = new ArrayList<>();
            c.get("problems").forEach(p -> expected.add(new Problem(p.get(0).textValue(), p.get(1).textValue())));
            cases.add(Arguments.of(c.get("name").textValue(), MergePatch.apply(file.get("base"), c.get("patch")),
                    expected));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsExactlyTheseProblems(String name, JsonNode document, List<Problem> expected) {
        assertEquals(expected, ClusterSpecJson.check(document, SubnetFacts.UNKNOWN).problems());
    }
}
