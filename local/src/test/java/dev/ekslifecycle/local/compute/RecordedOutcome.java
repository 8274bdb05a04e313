package dev.ekslifecycle.local.compute;

import dev.ekslifecycle.local.eks.NodeGroupFleet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** An Outcome that remembers how it ended, and counts calls (the contract allows exactly one). */
public final class RecordedOutcome implements NodeGroupFleet.Outcome {

    private final AtomicInteger calls = new AtomicInteger();
    private volatile String result;
    private volatile String errorCode;
    private volatile String message;
    private volatile List<String> resourceIds;

    @Override
    public void succeeded() {
        calls.incrementAndGet();
        result = "succeeded";
    }

    @Override
    public void failed(String errorCode, String message, List<String> resourceIds) {
        calls.incrementAndGet();
        result = "failed";
        this.errorCode = errorCode;
        this.message = message;
        this.resourceIds = resourceIds;
    }

    /** "succeeded", "failed" or null while pending. */
    public String result() {
        return result;
    }

    public int calls() {
        return calls.get();
    }

    public String errorCode() {
        return errorCode;
    }

    public String message() {
        return message;
    }

    public List<String> resourceIds() {
        return resourceIds;
    }
}
