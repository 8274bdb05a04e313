package dev.ekslifecycle.local.dynamodb.expression;

import dev.ekslifecycle.local.dynamodb.model.DynamoDbException;

/** Which request parameter an expression came from; DynamoDB's messages name it. */
public enum ExpressionKind {
    CONDITION("ConditionExpression"),
    FILTER("FilterExpression"),
    KEY_CONDITION("KeyConditionExpression"),
    UPDATE("UpdateExpression"),
    PROJECTION("ProjectionExpression");

    private final String parameter;

    ExpressionKind(String parameter) {
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    /** A ValidationException "Invalid XExpression: detail". */
    public DynamoDbException invalid(String detail) {
        return DynamoDbException.validation("Invalid " + parameter + ": " + detail);
    }

    DynamoDbException syntaxError(String token, String near) {
        return invalid("Syntax error; token: \"" + token + "\", near: \"" + near + "\"");
    }
}
