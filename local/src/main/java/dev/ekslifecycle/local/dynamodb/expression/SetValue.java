package dev.ekslifecycle.local.dynamodb.expression;

import dev.ekslifecycle.local.dynamodb.model.DynamoDbException;
import dev.ekslifecycle.local.dynamodb.model.Numbers;
import dev.ekslifecycle.local.dynamodb.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The right-hand side of a SET action. It is evaluated against the item as it was before the update, as DynamoDB
 * does for every action of one expression.
 */
sealed interface SetValue {

    Value evaluate(Map<String, Value> item);

    record Of(Operand operand) implements SetValue {
        public Value evaluate(Map<String, Value> item) {
            Value v = operand.evaluate(item);
            if (v == null) {
                throw missingAttribute();
            }
            return v;
        }
    }

    record IfNotExists(DocumentPath path, SetValue fallback) implements SetValue {
        public Value evaluate(Map<String, Value> item) {
            Value v = PathAccess.get(item, path);
            return v != null ? v : fallback.evaluate(item);
        }
    }

    record ListAppend(SetValue first, SetValue second) implements SetValue {
        public Value evaluate(Map<String, Value> item) {
            Value a = first.evaluate(item);
            Value b = second.evaluate(item);
            if (!(a instanceof Value.L la) || !(b instanceof Value.L lb)) {
                throw incorrectType();
            }
            List<Value> joined = new ArrayList<>(la.values());
            joined.addAll(lb.values());
            return new Value.L(joined);
        }
    }

    record Arithmetic(SetValue left, boolean plus, SetValue right) implements SetValue {
        public Value evaluate(Map<String, Value> item) {
            Value a = left.evaluate(item);
            Value b = right.evaluate(item);
            if (!(a instanceof Value.N na) || !(b instanceof Value.N nb)) {
                throw incorrectType();
            }
            return new Value.N(Numbers.checked(plus ? na.value().add(nb.value()) : na.value().subtract(nb.value())));
        }
    }

    static DynamoDbException missingAttribute() {
        return DynamoDbException.validation(
                "The provided expression refers to an attribute that does not exist in the item");
    }

    static DynamoDbException incorrectType() {
        return DynamoDbException.validation("An operand in the update expression has an incorrect data type");
    }
}
