package dev.ekslifecycle.local.stepfunctions.runtime;

/** An execution's status, as DescribeExecution reports it. */
public enum ExecutionStatus {
    RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED
}
