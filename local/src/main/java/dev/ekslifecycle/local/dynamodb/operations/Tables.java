package dev.ekslifecycle.local.dynamodb.operations;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ekslifecycle.local.dynamodb.model.DynamoDbException;
import dev.ekslifecycle.local.dynamodb.storage.Database;
import dev.ekslifecycle.local.dynamodb.storage.Table;

/** Finds the table a request names, answering as DynamoDB does when there is none. */
final class Tables {

    private final Database database;

    Tables(Database database) {
        this.database = database;
    }

    Database database() {
        return database;
    }

    /** The table of an item or query request ({@code TableName}). */
    Table forItems(JsonNode request) {
        return named(Requests.requiredString(request, "TableName", "tableName"));
    }

    Table named(String name) {
        Table t = database.table(name);
        if (t == null) {
            throw DynamoDbException.resourceNotFound("Requested resource not found");
        }
        return t;
    }

    /** The table a table-level request names; DescribeTable's message names it. */
    Table forTableRequest(JsonNode request) {
        String name = Requests.requiredString(request, "TableName", "tableName");
        Table t = database.table(name);
        if (t == null) {
            throw DynamoDbException.resourceNotFound("Requested resource not found: Table: " + name + " not found");
        }
        return t;
    }
}
