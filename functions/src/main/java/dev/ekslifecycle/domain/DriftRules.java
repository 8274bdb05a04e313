package dev.ekslifecycle.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where EKS now disagrees with the state we recorded: the cluster gone or in a status other than ACTIVE that we did
 * not record, another Kubernetes version, a node group missing or unknown, or one whose version or desired size
 * changed. A cluster that went back to ACTIVE is not drift: it is recovery, and recording it is enough.
 */
public final class DriftRules {

    private DriftRules() {
    }

    public static List<Drift> between(ObservedCluster recorded, ObservedCluster now) {
        List<Drift> drifts = new ArrayList<>();
        if (now.status() != recorded.status() && now.status() != ClusterStatus.ACTIVE) {
            drifts.add(new Drift("status", recorded.status().name(), now.status().name()));
        }
        if (now.status() == ClusterStatus.DELETED) {
            return drifts;
        }
        differs(drifts, "version", recorded.version(), now.version());
        Map<String, ObservedNodeGroup> before = byName(recorded.nodegroups());
        Map<String, ObservedNodeGroup> after = byName(now.nodegroups());
        for (ObservedNodeGroup was : before.values()) {
            String path = "nodegroups[" + was.name() + "]";
            ObservedNodeGroup is = after.get(was.name());
            if (is == null) {
                drifts.add(new Drift(path, "present", Drift.ABSENT));
                continue;
            }
            differs(drifts, path + ".version", was.version(), is.version());
            differs(drifts, path + ".desiredSize", was.desiredSize(), is.desiredSize());
        }
        after.keySet().stream().filter(name -> !before.containsKey(name))
                .forEach(name -> drifts.add(new Drift("nodegroups[" + name + "]", Drift.ABSENT, "present")));
        return drifts;
    }

    private static void differs(List<Drift> drifts, String path, Object recorded, Object now) {
        if (!Objects.equals(recorded, now)) {
            drifts.add(new Drift(path, text(recorded), text(now)));
        }
    }

    private static String text(Object value) {
        return value == null ? Drift.ABSENT : value.toString();
    }

    private static Map<String, ObservedNodeGroup> byName(List<ObservedNodeGroup> nodegroups) {
        Map<String, ObservedNodeGroup> byName = new LinkedHashMap<>();
        nodegroups.forEach(ng -> byName.put(ng.name(), ng));
        return byName;
    }
}
