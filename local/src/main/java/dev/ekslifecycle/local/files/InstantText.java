package dev.ekslifecycle.local.files;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.time.Instant;

/** Saves {@link Instant}s as ISO-8601 text, to the nanosecond, without Jackson's java.time module. */
public final class InstantText {

    private InstantText() {
    }

    public static SimpleModule module() {
        return new SimpleModule("instants-as-text")
                .addSerializer(Instant.class, ToStringSerializer.instance)
                .addDeserializer(Instant.class, new StdDeserializer<>(Instant.class) {
                    @Override
                    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                        return Instant.parse(p.getValueAsString());
                    }
                });
    }
}
