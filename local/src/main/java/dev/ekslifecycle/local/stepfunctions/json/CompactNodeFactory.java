package dev.ekslifecycle.local.stepfunctions.json;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Makes the executor's JSON nodes, parsed or built: objects hold their fields in a {@link FieldMap}; numbers keep
 * their exact decimal value.
 */
final class CompactNodeFactory extends JsonNodeFactory {

    private static final long serialVersionUID = 1L;

    CompactNodeFactory() {
        super(true);
    }

    @Override
    public ObjectNode objectNode() {
        return new ObjectNode(this, new FieldMap(4));
    }

    /** An empty object with room for {@code fields} fields. */
    ObjectNode objectNode(int fields) {
        return new ObjectNode(this, new FieldMap(fields));
    }
}
