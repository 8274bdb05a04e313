package dev.ekslifecycle.local.eks.model;

import java.time.Instant;
import java.util.List;

/** An asynchronous change to a cluster, node group or add-on, as DescribeUpdate returns it. */
public record Update(
        String id,
        String status,
        String type,
        List<Param> params,
        Instant createdAt,
        List<ErrorDetail> errors) {

    public static final String IN_PROGRESS = "InProgress";
    public static final String SUCCESSFUL = "Successful";
    public static final String FAILED = "Failed";

    public record Param(String type, String value) {
    }

    /** Why an update failed, with the codes of EKS's {@code ErrorCode} enum. */
    public record ErrorDetail(String errorCode, String errorMessage, List<String> resourceIds) {
    }

    public Update succeeded() {
        return new Update(id, SUCCESSFUL, type, params, createdAt, List.of());
    }

    public Update failed(ErrorDetail error) {
        return new Update(id, FAILED, type, params, createdAt, List.of(error));
    }

    public boolean inProgress() {
        return IN_PROGRESS.equals(status);
    }
}
