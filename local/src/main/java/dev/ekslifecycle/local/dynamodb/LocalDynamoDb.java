package dev.ekslifecycle.local.dynamodb;

import dev.ekslifecycle.local.dynamodb.operations.DynamoDbService;
import dev.ekslifecycle.local.dynamodb.storage.Database;
import dev.ekslifecycle.local.dynamodb.wire.DynamoDbEndpoint;
import dev.ekslifecycle.local.http.Endpoint;
import dev.ekslifecycle.local.http.HttpServerHost;
import java.io.IOException;

/**
 * The local cloud's own DynamoDB: in process, speaking DynamoDB's wire protocol, so the AWS SDK works against it
 * with only an endpoint override. It serves on its own port and can also be put on the shared edge port through
 * {@link #endpoint()}.
 */
public final class LocalDynamoDb implements AutoCloseable {

    private final Database database;
    private final DynamoDbEndpoint endpoint;
    private final HttpServerHost server;

    private LocalDynamoDb(Database database, DynamoDbEndpoint endpoint, HttpServerHost server) {
        this.database = database;
        this.endpoint = endpoint;
        this.server = server;
    }

    public static LocalDynamoDb start(LocalDynamoDbConfig config) throws IOException {
        Database database = Database.inMemory();
        DynamoDbEndpoint endpoint =
                new DynamoDbEndpoint(new DynamoDbService(database, config.clock(), config.faults()));
        HttpServerHost server = HttpServerHost.start("dynamodb", config.port(), config.clock());
        server.add(endpoint);
        return new LocalDynamoDb(database, endpoint, server);
    }

    /** {@code http://127.0.0.1:PORT}, the endpoint override for an SDK client. */
    public String url() {
        return server.url();
    }

    public int port() {
        return server.port();
    }

    /** The endpoint, for serving this DynamoDB on another host (the edge port) as well. */
    public Endpoint endpoint() {
        return endpoint;
    }

    @Override
    public void close() throws IOException {
        server.close();
        database.close();
    }
}
