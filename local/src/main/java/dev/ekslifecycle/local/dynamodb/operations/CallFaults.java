package dev.ekslifecycle.local.dynamodb.operations;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ekslifecycle.local.dynamodb.model.DynamoDbException;
import dev.ekslifecycle.local.dynamodb.model.DynamoDbException.CancellationReason;
import dev.ekslifecycle.local.faults.FaultGate;
import dev.ekslifecycle.local.faults.FaultInjector;
import dev.ekslifecycle.local.faults.InjectedFault;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * DynamoDB's side of the shared fault injector (service {@code dynamodb}, the operation name, the table as
 * resource): the {@link FaultGate} decides and waits the latency; this class turns the injected error into DynamoDB's
 * own: any error code, TransactionConflict as a cancelled transaction, and throttling of single items of a batch.
 */
final class CallFaults {

    private static final String THROTTLED = "ProvisionedThroughputExceededException";

    private final FaultGate gate;

    CallFaults(FaultInjector faults) {
        this.gate = new FaultGate(faults, "dynamodb");
    }

    /** Applies the fault, if any, for one call; throws the injected error. */
    void beforeCall(String operation, JsonNode request) {
        Optional<InjectedFault> fault = gate.check(operation, resourceOf(request));
        if (fault.isEmpty()) {
            return;
        }
        InjectedFault f = fault.get();
        if (f.errorCode().startsWith("TransactionConflict") && operation.startsWith("Transact")) {
            List<CancellationReason> reasons = new ArrayList<>();
            int n = Math.max(1, request.path("TransactItems").size());
            for (int i = 0; i < n; i++) {
                reasons.add(i == 0 ? new CancellationReason("TransactionConflict",
                        "Transaction is ongoing for the item", null) : CancellationReason.NONE);
            }
            throw DynamoDbException.transactionCanceled(reasons);
        }
        throw error(f);
    }

    /**
     * For one item of a batch: true when a throttling error was injected for it (the item goes back unprocessed);
     * any other injected error fails the whole call.
     */
    boolean throttled(String operation, String table) {
        Optional<InjectedFault> fault = gate.check(operation, table);
        if (fault.isEmpty()) {
            return false;
        }
        String code = fault.get().errorCode();
        if (code.equals(THROTTLED) || code.equals("ThrottlingException") || code.equals("RequestLimitExceeded")) {
            return true;
        }
        throw error(fault.get());
    }

    /** The error when every item of a batch was throttled. */
    DynamoDbException allThrottled() {
        return DynamoDbException.of(THROTTLED, 400, "The level of configured provisioned throughput for the table "
                + "was exceeded. Consider increasing your provisioning level with the UpdateTable API");
    }

    private static DynamoDbException error(InjectedFault f) {
        String code = f.errorCode().equals("TransactionConflict") ? "TransactionConflictException" : f.errorCode();
        return DynamoDbException.of(code, f.httpStatus(), f.messageOrDefault());
    }

    /** The table a call is about: its TableName, or the first table a transaction names; "*" if none. */
    private static String resourceOf(JsonNode request) {
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
        if (request.hasNonNull("ResourceArn")) {
            String arn = request.get("ResourceArn").asText();
            return arn.substring(arn.lastIndexOf('/') + 1);
        }
        return "*";
    }
}
