package dev.ekslifecycle.eks;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tag that marks EKS resources as eks-lifecycle's. A re-run of a failed create adopts only tagged resources,
 * and delete refuses untagged clusters, so a name clash can never make us touch somebody else's cluster.
 */
public final class ManagedTags {

    public static final String MANAGED_BY = "eks-lifecycle.dev/managed-by";
    public static final String MANAGED_BY_VALUE = "eks-lifecycle";

    private ManagedTags() {
    }

    /** The user's tags plus ours; ours win, so a user cannot spoof or remove the marker. */
    public static Map<String, String> withMarker(Map<String, String> userTags) {
        Map<String, String> tags = new LinkedHashMap<>(userTags);
        tags.put(MANAGED_BY, MANAGED_BY_VALUE);
        return tags;
    }

    public static boolean isManaged(Map<String, String> tags) {
        return MANAGED_BY_VALUE.equals(tags.get(MANAGED_BY));
    }
}
