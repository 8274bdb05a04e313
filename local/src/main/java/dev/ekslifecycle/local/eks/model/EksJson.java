package dev.ekslifecycle.local.eks.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The one JSON mapping of EKS records, for the wire and for the data directory alike: null members are left out,
 * unknown members are ignored (clients send newer fields than we model), and timestamps are epoch seconds with a
 * fraction, the restJson1 default that the AWS SDK parses.
 */
public final class EksJson {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .registerModule(new SimpleModule("eks-epoch-seconds")
                    .addSerializer(Instant.class, new EpochSecondsSerializer())
                    .addDeserializer(Instant.class, new EpochSecondsDeserializer()));

    private EksJson() {
    }

    /** A record as a JSON tree. */
    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /** A copy of {@code record} with the top-level members in {@code changes} replaced. */
    @SuppressWarnings("unchecked")
    public static <T> T withMembers(T record, com.fasterxml.jackson.databind.node.ObjectNode changes) {
        com.fasterxml.jackson.databind.node.ObjectNode tree = MAPPER.valueToTree(record);
        tree.setAll(changes);
        try {
            return (T) MAPPER.treeToValue(tree, record.getClass());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("changes do not fit a " + record.getClass().getSimpleName(), e);
        }
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("EKS records always serialize", e);
        }
    }

    private static final class EpochSecondsSerializer extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeNumber(BigDecimal.valueOf(value.getEpochSecond())
                    .add(BigDecimal.valueOf(value.getNano(), 9)).stripTrailingZeros());
        }
    }

    private static final class EpochSecondsDeserializer extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            BigDecimal seconds = p.getDecimalValue();
            long whole = seconds.longValue();
            int nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).intValue();
            return Instant.ofEpochSecond(whole, nanos);
        }
    }
}
