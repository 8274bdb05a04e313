package dev.ekslifecycle.local.eks.state;

import dev.ekslifecycle.local.eks.model.AccessEntry;
import java.util.List;

/** An access entry with the access policies associated with it. */
public record AccessEntryState(String region, AccessEntry entry, List<AccessEntry.AssociatedAccessPolicy> policies) {
}
