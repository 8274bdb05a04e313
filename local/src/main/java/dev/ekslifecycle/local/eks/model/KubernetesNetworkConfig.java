package dev.ekslifecycle.local.eks.model;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code kubernetesNetworkConfig}; {@code elasticLoadBalancing} is one of the three Auto Mode switches. */
public record KubernetesNetworkConfig(
        String serviceIpv4Cidr,
        String serviceIpv6Cidr,
        String ipFamily,
        ElasticLoadBalancing elasticLoadBalancing) {

    /** Auto Mode's load balancing capability. */
    public record ElasticLoadBalancing(Boolean enabled, JsonNode gatewayApi) {
    }

    public boolean loadBalancingEnabled() {
        return elasticLoadBalancing != null && Boolean.TRUE.equals(elasticLoadBalancing.enabled());
    }
}
