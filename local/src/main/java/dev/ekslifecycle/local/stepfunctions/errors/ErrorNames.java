package dev.ekslifecycle.local.stepfunctions.errors;

import java.util.List;

/** The predefined error names of the Amazon States Language and how Retry/Catch match them. */
public final class ErrorNames {

    public static final String ALL = "States.ALL";
    public static final String TASK_FAILED = "States.TaskFailed";
    public static final String TIMEOUT = "States.Timeout";
    public static final String HEARTBEAT_TIMEOUT = "States.HeartbeatTimeout";
    public static final String RUNTIME = "States.Runtime";
    public static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";
    public static final String INTRINSIC_FAILURE = "States.IntrinsicFailure";
    public static final String DATA_LIMIT_EXCEEDED = "States.DataLimitExceeded";
    public static final String PARAMETER_PATH_FAILURE = "States.ParameterPathFailure";
    public static final String RESULT_PATH_MATCH_FAILURE = "States.ResultPathMatchFailure";
    public static final String BRANCH_FAILED = "States.BranchFailed";
    public static final String PERMISSIONS = "States.Permissions";
    public static final String EXCEED_TOLERATED_FAILURE_THRESHOLD = "States.ExceedToleratedFailureThreshold";
    public static final String ITEM_READER_FAILED = "States.ItemReaderFailed";
    public static final String RESULT_WRITER_FAILED = "States.ResultWriterFailed";
    public static final String QUERY_EVALUATION_ERROR = "States.QueryEvaluationError";

    private ErrorNames() {
    }

    /**
     * Whether any entry of an {@code ErrorEquals} list matches {@code error} (see {@link #matches}).
     */
    public static boolean matchesAny(List<String> errorEquals, String error) {
        for (String pattern : errorEquals) {
            if (matches(pattern, error)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether an {@code ErrorEquals} entry matches {@code error}. {@code States.ALL} matches every error except the
     * terminal ones ({@code States.Runtime}, {@code States.DataLimitExceeded}); {@code States.TaskFailed} matches
     * every error but {@code States.Timeout}.
     */
    public static boolean matches(String pattern, String error) {
        if (error == null) {
            return pattern.equals(ALL) || pattern.equals(TASK_FAILED);
        }
        if (pattern.equals(error)) {
            return !error.equals(RUNTIME);
        }
        if (isTerminal(error)) {
            return false;
        }
        return pattern.equals(ALL) || pattern.equals(TASK_FAILED) && !error.equals(TIMEOUT);
    }

    /** Errors no Retry or Catch can handle: they always fail the execution. */
    public static boolean isTerminal(String error) {
        return RUNTIME.equals(error) || DATA_LIMIT_EXCEEDED.equals(error);
    }
}
