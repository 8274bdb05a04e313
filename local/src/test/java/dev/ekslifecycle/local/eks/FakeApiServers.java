package dev.ekslifecycle.local.eks;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Records which clusters have an API server and the version each reports. */
final class FakeApiServers implements ClusterApiServers {

    final Map<String, String> versions = new ConcurrentHashMap<>();

    @Override
    public String open(String clusterName, String kubernetesVersion) {
        versions.putIfAbsent(clusterName, kubernetesVersion);
        return "http://127.0.0.1:4566/k8s/" + clusterName;
    }

    @Override
    public void setVersion(String clusterName, String kubernetesVersion) {
        versions.put(clusterName, kubernetesVersion);
    }

    @Override
    public void close(String clusterName) {
        versions.remove(clusterName);
    }
}
