package dev.ekslifecycle.store.dynamodb;

import static dev.ekslifecycle.store.dynamodb.Attributes.instant;
import static dev.ekslifecycle.store.dynamodb.Attributes.n;
import static dev.ekslifecycle.store.dynamodb.Attributes.s;

import dev.ekslifecycle.store.Operation;
import dev.ekslifecycle.store.OperationStatus;
import dev.ekslifecycle.store.OperationType;
import dev.ekslifecycle.store.StepEntry;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Operation records and step-log entries as items. */
final class OperationItems {

    static final String ID = "operationId";
    static final String CLUSTER = "clusterName";
    static final String TYPE = "type";
    static final String REQUESTER = "requester";
    static final String INPUT = "input";
    static final String STATUS = "status";
    static final String EXECUTION_ARN = "executionArn";
    static final String ERROR = "error";
    static final String CREATED_AT = "createdAt";
    static final String UPDATED_AT = "updatedAt";
    static final String FINISHED_AT = "finishedAt";
    static final String STEP_COUNT = "stepCount";
    static final String SEQUENCE = "sequence";
    static final String AT = "at";
    static final String STEP_NAME = "step";
    static final String DETAIL = "detail";

    private OperationItems() {
    }

    static Map<String, AttributeValue> item(Operation op) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, s(Keys.operation(op.id())));
        item.put(Keys.SK, s(Keys.OPERATION_SK));
        item.put(Keys.GSI1_PK, s(Keys.cluster(op.clusterName())));
        item.put(Keys.GSI1_SK, s(Keys.operationInCluster(op.createdAt(), op.id())));
        item.put(ID, s(op.id()));
        item.put(CLUSTER, s(op.clusterName()));
        item.put(TYPE, s(op.type().name()));
        item.put(REQUESTER, s(op.requester()));
        item.put(INPUT, s(op.input()));
        item.put(STATUS, s(op.status().name()));
        item.put(CREATED_AT, instant(op.createdAt()));
        item.put(UPDATED_AT, instant(op.updatedAt()));
        item.put(STEP_COUNT, n(op.stepCount()));
        return item;
    }

    static Operation operation(Map<String, AttributeValue> item) {
        return new Operation(Attributes.string(item, ID), Attributes.string(item, CLUSTER),
                Attributes.enumValue(item, TYPE, OperationType.class), Attributes.string(item, REQUESTER),
                Attributes.string(item, INPUT), Attributes.enumValue(item, STATUS, OperationStatus.class),
                Attributes.string(item, EXECUTION_ARN), Attributes.string(item, ERROR),
                Attributes.instant(item, CREATED_AT), Attributes.instant(item, UPDATED_AT),
                Attributes.instant(item, FINISHED_AT), (int) Attributes.number(item, STEP_COUNT));
    }

    static Map<String, AttributeValue> item(String operationId, StepEntry step) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, s(Keys.operation(operationId)));
        item.put(Keys.SK, s(Keys.step(step.sequence())));
        item.put(SEQUENCE, n(step.sequence()));
        item.put(AT, instant(step.at()));
        item.put(STEP_NAME, s(step.name()));
        if (step.detail() != null) {
            item.put(DETAIL, s(step.detail()));
        }
        return item;
    }

    static StepEntry step(Map<String, AttributeValue> item) {
        return new StepEntry((int) Attributes.number(item, SEQUENCE), Attributes.instant(item, AT),
                Attributes.string(item, STEP_NAME), Attributes.string(item, DETAIL));
    }
}
