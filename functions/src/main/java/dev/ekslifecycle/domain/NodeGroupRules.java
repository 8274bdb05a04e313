package dev.ekslifecycle.domain;

import java.util.Set;
import java.util.regex.Pattern;

/** The rules of one managed node group, as EKS applies them. */
final class NodeGroupRules {

    static final int MAX_NODES = 450;
    static final Set<String> AMI_TYPES = Set.of("AL2_x86_64", "AL2_x86_64_GPU", "AL2_ARM_64", "CUSTOM",
            "BOTTLEROCKET_ARM_64", "BOTTLEROCKET_x86_64", "BOTTLEROCKET_ARM_64_FIPS", "BOTTLEROCKET_x86_64_FIPS",
            "BOTTLEROCKET_ARM_64_NVIDIA", "BOTTLEROCKET_x86_64_NVIDIA", "BOTTLEROCKET_ARM_64_NVIDIA_FIPS",
            "BOTTLEROCKET_x86_64_NVIDIA_FIPS", "WINDOWS_CORE_2019_x86_64", "WINDOWS_FULL_2019_x86_64",
            "WINDOWS_CORE_2022_x86_64", "WINDOWS_FULL_2022_x86_64", "WINDOWS_CORE_2025_x86_64",
            "WINDOWS_FULL_2025_x86_64", "AL2023_x86_64_STANDARD", "AL2023_ARM_64_STANDARD", "AL2023_x86_64_NEURON",
            "AL2023_x86_64_NVIDIA", "AL2023_ARM_64_NVIDIA");
    private static final Pattern INSTANCE_TYPE = Pattern.compile("[a-z][a-z0-9-]*\\.[a-z0-9-]+");
    private static final int MAX_LABELS = 50;
    private static final int MAX_TAINTS = 50;

    private final Checks checks;

    NodeGroupRules(Checks checks) {
        this.checks = checks;
    }

    void check(FieldPath at, NodeGroupSpec ng) {
        checks.resourceName(at.field("name"), ng.name(), 63);
        checks.requiredRoleArn(at.field("nodeRoleArn"), ng.nodeRoleArn());
        checks.eachString(at.field("instanceTypes"), ng.instanceTypes(), (path, type) -> checks.matches(path, type,
                INSTANCE_TYPE, "must be an EC2 instance type such as m5.large"));
        checks.oneOf(at.field("amiType"), ng.amiType(), AMI_TYPES);
        checks.required(at.field("capacityType"), ng.capacityType());
        checkScaling(at, ng);
        checks.eachString(at.field("subnetIds"), ng.subnetIds(), checks::subnetId);
        KubernetesLabels.check(checks, at.field("labels"), ng.labels(), MAX_LABELS);
        checkTaints(at.field("taints"), ng);
        checks.range(at.field("maxUnavailable"), ng.maxUnavailable(), 1, 100);
        checks.range(at.field("maxUnavailablePercentage"), ng.maxUnavailablePercentage(), 1, 100);
        if (ng.maxUnavailable() != null && ng.maxUnavailablePercentage() != null) {
            checks.report(at.field("maxUnavailablePercentage"), "must not be set together with maxUnavailable");
        }
        checks.required(at.field("updateStrategy"), ng.updateStrategy());
    }

    /** 0 <= minSize <= desiredSize <= maxSize, 1 <= maxSize <= 450; each problem is reported where it shows. */
    private void checkScaling(FieldPath at, NodeGroupSpec ng) {
        Integer min = ng.minSize();
        Integer max = ng.maxSize();
        Integer desired = ng.desiredSize();
        if (checks.required(at.field("minSize"), min)) {
            checks.range(at.field("minSize"), min, 0, MAX_NODES);
        }
        if (checks.required(at.field("maxSize"), max)) {
            checks.range(at.field("maxSize"), max, 1, MAX_NODES);
        }
        if (checks.required(at.field("desiredSize"), desired)) {
            checks.range(at.field("desiredSize"), desired, 0, MAX_NODES);
        }
        if (min != null && max != null && min > max) {
            checks.report(at.field("minSize"), "must not exceed maxSize (" + max + ")");
        }
        if (desired != null && min != null && desired < min) {
            checks.report(at.field("desiredSize"), "must be at least minSize (" + min + ")");
        }
        if (desired != null && max != null && desired > max) {
            checks.report(at.field("desiredSize"), "must not exceed maxSize (" + max + ")");
        }
    }

    private void checkTaints(FieldPath at, NodeGroupSpec ng) {
        checks.count(at, ng.taints(), 0, MAX_TAINTS);
        checks.eachElement(at, ng.taints(), (path, taint) -> {
            if (checks.required(path.field("key"), taint.key())) {
                String problem = KubernetesLabels.keyProblem(taint.key());
                if (problem != null) {
                    checks.report(path.field("key"), problem);
                }
            }
            if (taint.value() != null && KubernetesLabels.valueProblem(taint.value()) != null) {
                checks.report(path.field("value"), KubernetesLabels.valueProblem(taint.value()));
            }
            checks.required(path.field("effect"), taint.effect());
        });
        checks.unique(at, ng.taints(), t -> t.key() == null || t.effect() == null ? null
                : t.key() + ":" + t.effect(), "key");
    }
}
