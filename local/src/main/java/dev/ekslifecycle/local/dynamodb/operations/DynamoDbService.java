package dev.ekslifecycle.local.dynamodb.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.dynamodb.model.DynamoDbException;
import dev.ekslifecycle.local.dynamodb.model.DynamoDbException.CancellationReason;
import dev.ekslifecycle.local.dynamodb.storage.Database;
import dev.ekslifecycle.local.faults.FaultInjector;
import dev.ekslifecycle.local.faults.InjectedFault;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The DynamoDB operations by name. Asks the fault injector about each call first (service {@code dynamodb}, the
 * operation name, the table as resource).
 */
public final class DynamoDbService {

    private final FaultInjector faults;
    private final TableOperations tableOps;
    private final ItemOperations itemOps;
    private final ReadOperations readOps;
    private final TransactionOperations transactionOps;

    public DynamoDbService(Database database, Clock clock, FaultInjector faults) {
        Tables tables = new Tables(database);
        this.faults = faults;
        this.tableOps = new TableOperations(tables, clock);
        this.itemOps = new ItemOperations(tables);
        this.readOps = new ReadOperations(tables);
        this.transactionOps = new TransactionOperations(tables);
    }

    /**
     * Runs one operation.
     *
     * @throws DynamoDbException the error DynamoDB would answer with
     */
    public ObjectNode call(String operation, JsonNode request, String region) {
        injectFault(operation, request);
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
            case "TransactWriteItems" -> transactionOps.transactWriteItems(request);
            case "TransactGetItems" -> transactionOps.transactGetItems(request);
            default -> throw new DynamoDbException("com.amazon.coral.service#", "UnknownOperationException", 400,
                    null, null, null);
        };
    }

    private void injectFault(String operation, JsonNode request) {
        if (faults == null) {
            return;
        }
        Optional<InjectedFault> fault = faults.onCall("dynamodb", operation, resourceOf(request));
        if (fault.isEmpty()) {
            return;
        }
        InjectedFault f = fault.get();
        sleep(f);
        if (!f.isError()) {
            return;
        }
        if (f.errorCode().startsWith("TransactionConflict") && operation.startsWith("Transact")) {
            List<CancellationReason> reasons = new ArrayList<>();
            int n = request.path("TransactItems").size();
            for (int i = 0; i < Math.max(1, n); i++) {
                reasons.add(i == 0 ? new CancellationReason("TransactionConflict",
                        "Transaction is ongoing for the item", null) : CancellationReason.NONE);
            }
            throw DynamoDbException.transactionCanceled(reasons);
        }
        String code = f.errorCode().equals("TransactionConflict") ? "TransactionConflictException" : f.errorCode();
        throw DynamoDbException.of(code, f.httpStatus() == 0 ? 400 : f.httpStatus(), f.messageOrDefault());
    }

    private static void sleep(InjectedFault f) {
        if (f.latency().isZero()) {
            return;
        }
        try {
            Thread.sleep(f.latency().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The table a call is about: its TableName, or the first table a transaction or batch names; "*" if none. */
    static String resourceOf(JsonNode request) {
        if (request.hasNonNull("TableName")) {
            return request.get("TableName").asText();
        }
        for (JsonNode action : request.path("TransactItems")) {
            for (JsonNode inner : action) {
                if (inner.hasNonNull("TableName")) {
                    return inner.get("TableName").asText();
                }
            }
        }
        if (request.path("RequestItems").fieldNames().hasNext()) {
            return request.path("RequestItems").fieldNames().next();
        }
        return "*";
    }
}
