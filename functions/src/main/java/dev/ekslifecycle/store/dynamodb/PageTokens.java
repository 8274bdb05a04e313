package dev.ekslifecycle.store.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.store.InvalidPageTokenException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Page tokens: a Query's LastEvaluatedKey (all string attributes in this table) as URL-safe base64 JSON. A token is
 * accepted only for the index partition it was made in, so one listing's token cannot read another's items.
 */
final class PageTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KEY_NAMES = Set.of(Keys.PK, Keys.SK, Keys.GSI1_PK, Keys.GSI1_SK);

    private PageTokens() {
    }

    static String encode(Map<String, AttributeValue> lastEvaluatedKey) {
        if (lastEvaluatedKey == null || lastEvaluatedKey.isEmpty()) {
            return null;
        }
        ObjectNode o = JSON.createObjectNode();
        lastEvaluatedKey.forEach((name, value) -> o.put(name, value.s()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(o.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The start key of a token, checked to lie in the index partition {@code gsi1pk}; null for no token. */
    static Map<String, AttributeValue> decode(String token, String gsi1pk) {
        if (token == null) {
            return null;
        }
        try {
            JsonNode o = JSON.readTree(Base64.getUrlDecoder().decode(token));
            Map<String, AttributeValue> key = new HashMap<>();
            o.fields().forEachRemaining(e -> key.put(e.getKey(), Attributes.s(e.getValue().textValue())));
            if (!key.keySet().equals(KEY_NAMES) || !gsi1pk.equals(Attributes.string(key, Keys.GSI1_PK))
                    || key.values().stream().anyMatch(v -> v.s() == null)) {
                throw new InvalidPageTokenException();
            }
            return key;
        } catch (IllegalArgumentException | IOException e) {
            throw new InvalidPageTokenException();
        }
    }
}
