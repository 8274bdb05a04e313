package dev.ekslifecycle.store.dynamodb;

import dev.ekslifecycle.domain.ClusterSpec;
import dev.ekslifecycle.domain.SpecGenerator;

/** Generated valid specs with a chosen cluster name. */
final class Specs {

    private Specs() {
    }

    static ClusterSpec named(String name, long seed) {
        ClusterSpec s = new SpecGenerator(seed).cluster();
        return new ClusterSpec(name, s.version(), s.roleArn(), s.subnetIds(), s.securityGroupIds(),
                s.endpointPublicAccess(), s.endpointPrivateAccess(), s.logging(), s.tags(), s.deletionProtection(),
                s.upgradePolicy(), s.autoMode(), s.addons(), s.accessEntries(), s.nodegroups(), s.fargateProfiles());
    }
}
