package dev.ekslifecycle.local.eks.ops;

import dev.ekslifecycle.local.eks.NodeGroupFleet;
import dev.ekslifecycle.local.eks.model.Update;
import java.util.List;
import java.util.function.Consumer;

/** A fleet outcome as one callback that receives the failure, or null on success. */
final class FleetOutcome implements NodeGroupFleet.Outcome {

    private final Consumer<Update.ErrorDetail> ended;

    FleetOutcome(Consumer<Update.ErrorDetail> ended) {
        this.ended = ended;
    }

    @Override
    public void succeeded() {
        ended.accept(null);
    }

    @Override
    public void failed(String errorCode, String message, List<String> resourceIds) {
        ended.accept(new Update.ErrorDetail(errorCode, message, resourceIds == null ? List.of() : resourceIds));
    }
}
