package dev.ekslifecycle.local.dynamodb.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.dynamodb.model.DynamoDbException;
import dev.ekslifecycle.local.dynamodb.storage.Database;
import dev.ekslifecycle.local.faults.FaultInjector;
import java.time.Clock;

/**
 * The DynamoDB operations by name. Asks the fault injector about each call first (batches ask per item, see
 * {@link BatchOperations}).
 */
public final class DynamoDbService {

    private final CallFaults faults;
    private final TableOperations tableOps;
    private final TagOperations tagOps;
    private final ItemOperations itemOps;
    private final ReadOperations readOps;
    private final BatchOperations batchOps;
    private final TransactionOperations transactionOps;
    private final Idempotency idempotency;

    public DynamoDbService(Database database, Clock clock, FaultInjector faults) {
        Tables tables = new Tables(database);
        this.faults = new CallFaults(faults);
        this.tableOps = new TableOperations(tables, clock);
        this.tagOps = new TagOperations(tables);
        this.itemOps = new ItemOperations(tables);
        this.readOps = new ReadOperations(tables);
        this.batchOps = new BatchOperations(tables, this.faults);
        this.transactionOps = new TransactionOperations(tables);
        this.idempotency = new Idempotency(clock);
    }

    /**
     * Runs one operation.
     *
     * @throws DynamoDbException the error DynamoDB would answer with
     */
    public ObjectNode call(String operation, JsonNode request, String region) {
        if (!operation.startsWith("Batch")) {
            faults.beforeCall(operation, request);
        }
        return switch (operation) {
            case "CreateTable" -> tableOps.createTable(request, region);
            case "DescribeTable" -> tableOps.describeTable(request);
            case "DeleteTable" -> tableOps.deleteTable(request);
            case "ListTables" -> tableOps.listTables(request);
            case "UpdateTable" -> tableOps.updateTable(request);
            case "UpdateTimeToLive" -> tableOps.updateTimeToLive(request);
            case "DescribeTimeToLive" -> tableOps.describeTimeToLive(request);
            case "GetItem" -> itemOps.getItem(request);
            case "PutItem" -> itemOps.putItem(request);
            case "UpdateItem" -> itemOps.updateItem(request);
            case "DeleteItem" -> itemOps.deleteItem(request);
            case "Query" -> readOps.query(request);
            case "Scan" -> readOps.scan(request);
            case "TagResource" -> tagOps.tagResource(request);
            case "UntagResource" -> tagOps.untagResource(request);
            case "ListTagsOfResource" -> tagOps.listTagsOfResource(request);
            case "BatchGetItem" -> batchOps.batchGetItem(request);
            case "BatchWriteItem" -> batchOps.batchWriteItem(request);
            case "TransactWriteItems" ->
                    idempotency.run(request, () -> transactionOps.transactWriteItems(request));
            case "TransactGetItems" -> transactionOps.transactGetItems(request);
            default -> throw new DynamoDbException("com.amazon.coral.service#", "UnknownOperationException", 400,
                    null, null, null);
        };
    }
}
