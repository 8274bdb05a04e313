package dev.ekslifecycle.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ekslifecycle.metrics.LifecycleMetrics;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** /openapi.json describes exactly the routes the handler serves, and the router answers others as HTTP asks. */
class OpenApiDocumentTest {

    // The routing does not touch the stores or the workflows, so none are needed to check it.
    private final LifecycleApi api = new LifecycleApi(null, null, null, null, null, "us-east-1",
            LifecycleMetrics.NONE);

    @Test
    void documentsExactlyTheRoutesOfTheHandler() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(LifecycleApi.openApiDocument());
        Set<String> documented = new TreeSet<>();
        doc.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> documented.add(method.toUpperCase() + " " + path.getKey())));
        assertEquals(new TreeSet<>(api.operations()), documented);
        assertTrue(doc.get("openapi").asText().startsWith("3."));
    }

    @Test
    void everyDocumentedErrorIsAProblemDocument() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(LifecycleApi.openApiDocument());
        doc.get("paths").forEach(path -> path.forEach(operation -> operation.get("responses").fields()
                .forEachRemaining(r -> {
                    if (r.getKey().startsWith("4")) {
                        assertTrue(r.getValue().path("content").has(Problems.MEDIA_TYPE), r.getKey() + " " + r);
                    }
                })));
    }

    @Test
    void unknownPathIs404AndWrongMethodIs405NamingTheAllowedOnes() {
        ApiResponse missing = api.handle(request("GET", "/nowhere"));
        assertEquals(404, missing.status());
        assertEquals(Problems.MEDIA_TYPE, missing.headers().get("Content-Type"));
        ApiResponse wrong = api.handle(request("PUT", "/clusters"));
        assertEquals(405, wrong.status());
        assertEquals("POST, GET", wrong.headers().get("Allow"));
        assertEquals(200, api.handle(request("GET", "/openapi.json")).status());
    }

    private static ApiRequest request(String method, String path) {
        return new ApiRequest(method, path, Map.of(), Map.of(), Map.of(), null, "tester");
    }
}
