package dev.ekslifecycle.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Random valid cluster specs from a seed: every field within EKS's rules, optional parts present or not. */
public final class SpecGenerator {

    private static final String ACCOUNT = "arn:aws:iam::123456789012:role/";
    private static final String[] INSTANCE_TYPES = {"m5.large", "m6i.xlarge", "c7g.2xlarge", "t3.medium", "r6a.4xlarge"};
    private static final String[] AMI_TYPES = {"AL2023_x86_64_STANDARD", "AL2023_ARM_64_STANDARD", "BOTTLEROCKET_x86_64"};
    private static final String[] LOG_TYPES = {"api", "audit", "authenticator", "controllerManager", "scheduler"};
    private static final String[] ADDONS = {"vpc-cni", "coredns", "kube-proxy", "aws-ebs-csi-driver", "eks-pod-identity-agent"};
    private static final String NAME_START = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String NAME_REST = NAME_START + "-_";

    private final Random random;

    public SpecGenerator(long seed) {
        this.random = new Random(seed);
    }

    public ClusterSpec cluster() {
        List<String> subnets = new ArrayList<>();
        int subnetCount = 2 + random.nextInt(4);
        while (subnets.size() < subnetCount) {
            String id = subnetId();
            if (!subnets.contains(id)) {
                subnets.add(id);
            }
        }
        boolean publicAccess = random.nextBoolean();
        return new ClusterSpec(name(1 + random.nextInt(100)), new KubernetesVersion(1, 23 + random.nextInt(12)),
                ACCOUNT + "cluster-" + random.nextInt(1000), subnets,
                random.nextBoolean() ? List.of() : List.of("sg-" + hex(17)), publicAccess,
                !publicAccess || random.nextBoolean(), someOf(LOG_TYPES), tags(), random.nextBoolean(),
                random.nextBoolean() ? UpgradePolicy.STANDARD : UpgradePolicy.EXTENDED, autoMode(),
                addons(), accessEntries(), nodegroups(subnets), fargateProfiles(subnets));
    }

    /** A subnet ID of the long form, 17 hex digits. */
    public String subnetId() {
        return "subnet-" + hex(17);
    }

    private AutoModeSpec autoMode() {
        if (random.nextBoolean()) {
            return AutoModeSpec.DISABLED;
        }
        List<String> pools = someOf(new String[] {"general-purpose", "system"});
        return new AutoModeSpec(true, pools, pools.isEmpty() && random.nextBoolean() ? null : ACCOUNT + "auto-node");
    }

    private List<AddonSpec> addons() {
        List<AddonSpec> addons = new ArrayList<>();
        for (String name : someOf(ADDONS)) {
            addons.add(new AddonSpec(name, random.nextBoolean() ? null : "v1." + random.nextInt(30) + ".0-eksbuild.1"));
        }
        return addons;
    }

    private List<AccessEntrySpec> accessEntries() {
        List<AccessEntrySpec> entries = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            entries.add(new AccessEntrySpec(ACCOUNT + "team-" + i,
                    "arn:aws:eks::aws:cluster-access-policy/AmazonEKS" + (i == 1 ? "Admin" : "View") + "Policy"));
        }
        return entries;
    }

    private List<NodeGroupSpec> nodegroups(List<String> subnets) {
        List<NodeGroupSpec> groups = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            int max = 1 + random.nextInt(450);
            int min = random.nextInt(max + 1);
            int desired = min + random.nextInt(max - min + 1);
            boolean byCount = random.nextBoolean();
            Integer unavailable = 1 + random.nextInt(100);
            groups.add(new NodeGroupSpec("ng-" + i + "-" + name(1 + random.nextInt(20)), ACCOUNT + "node",
                    someOf(INSTANCE_TYPES), random.nextBoolean() ? null : AMI_TYPES[random.nextInt(AMI_TYPES.length)],
                    random.nextBoolean() ? CapacityType.ON_DEMAND : CapacityType.SPOT, min, max, desired,
                    random.nextBoolean() ? List.of() : subnets.subList(0, 1), labels(3), taints(),
                    byCount ? unavailable : null, byCount ? null : unavailable,
                    random.nextBoolean() ? UpdateStrategy.DEFAULT : UpdateStrategy.MINIMAL));
        }
        return groups;
    }

    private List<Taint> taints() {
        List<Taint> taints = new ArrayList<>();
        TaintEffect[] effects = TaintEffect.values();
        for (int i = random.nextInt(3); i > 0; i--) {
            taints.add(new Taint("example.com/taint-" + i, random.nextBoolean() ? null : "v" + random.nextInt(9),
                    effects[random.nextInt(effects.length)]));
        }
        return taints;
    }

    private List<FargateProfileSpec> fargateProfiles(List<String> subnets) {
        List<FargateProfileSpec> profiles = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            List<FargateSelector> selectors = new ArrayList<>();
            for (int s = 1 + random.nextInt(5); s > 0; s--) {
                selectors.add(new FargateSelector("ns-" + s, labels(5)));
            }
            profiles.add(new FargateProfileSpec("fp-" + i, ACCOUNT + "fargate",
                    random.nextBoolean() ? List.of() : subnets.subList(1, 2), selectors));
        }
        return profiles;
    }

    private Map<String, String> tags() {
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = random.nextInt(6); i > 0; i--) {
            tags.put(random.nextBoolean() ? "team-" + i : "example.com/key " + i, name(1 + random.nextInt(40)));
        }
        return tags;
    }

    private Map<String, String> labels(int max) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = random.nextInt(max + 1); i > 0; i--) {
            labels.put(random.nextBoolean() ? "label" + i : "example.com/label-" + i,
                    random.nextBoolean() ? "" : "value" + random.nextInt(100));
        }
        return labels;
    }

    private List<String> someOf(String[] values) {
        List<String> chosen = new ArrayList<>();
        for (String value : values) {
            if (random.nextBoolean()) {
                chosen.add(value);
            }
        }
        return chosen;
    }

    private String name(int length) {
        StringBuilder b = new StringBuilder().append(NAME_START.charAt(random.nextInt(NAME_START.length())));
        while (b.length() < length) {
            b.append(NAME_REST.charAt(random.nextInt(NAME_REST.length())));
        }
        return b.toString();
    }

    private String hex(int digits) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < digits; i++) {
            b.append(Character.forDigit(random.nextInt(16), 16));
        }
        return b.toString();
    }
}
