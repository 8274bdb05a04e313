package dev.ekslifecycle.api.eksctl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.domain.Problem;
import dev.ekslifecycle.domain.SubnetFacts;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An eksctl {@code ClusterConfig} translated into our cluster spec document. {@code problems} lists every field we
 * do not support (by its eksctl path), so nothing is dropped silently; {@code subnets} holds the zones that
 * {@code vpc.subnets} declares, so the spec's two-zone rule can be checked.
 */
public record EksctlTranslation(ObjectNode spec, List<Problem> problems, Map<String, SubnetFacts.Subnet> subnets)
        implements SubnetFacts {

    public EksctlTranslation {
        problems = List.copyOf(problems);
        subnets = Map.copyOf(subnets);
    }

    @Override
    public Optional<Subnet> find(String subnetId) {
        return Optional.ofNullable(subnets.get(subnetId));
    }
}
