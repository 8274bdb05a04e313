package dev.ekslifecycle.local.dynamodb;

import dev.ekslifecycle.local.dynamodb.operations.DynamoDbService;
import dev.ekslifecycle.local.dynamodb.operations.TtlSweeper;
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
    private final TtlSweeper ttl;

    private LocalDynamoDb(Database database, DynamoDbEndpoint endpoint, HttpServerHost server, TtlSweeper ttl) {
        this.database = database;
        this.endpoint = endpoint;
        this.server = server;
        this.ttl = ttl;
    }

    public static LocalDynamoDb start(LocalDynamoDbConfig config) throws IOException {
        Database database = config.dataDirectory() == null ? Database.inMemory()
                : Database.persistent(config.dataDirectory());
        DynamoDbEndpoint endpoint =
                new DynamoDbEndpoint(new DynamoDbService(database, config.clock(), config.faults()));
        HttpServerHost server = HttpServerHost.start("dynamodb", config.port(), config.clock());
        server.add(endpoint);
        TtlSweeper ttl = new TtlSweeper(database, config.clock(), config.ttlSweepInterval());
        ttl.start();
        return new LocalDynamoDb(database, endpoint, server, ttl);
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
        ttl.close();
        server.close();
        database.close();
    }
}
