package dev.ekslifecycle.domain;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Checks a cluster spec against EKS's rules and ours, and reports every problem at once, each at its
 * {@link FieldPath}. Rules that need subnet zones are checked only where {@link SubnetFacts} knows the subnets.
 */
public final class ClusterSpecValidator {

    static final Set<String> LOG_TYPES = Set.of("api", "audit", "authenticator", "controllerManager", "scheduler");
    static final Set<String> NODE_POOLS = Set.of("general-purpose", "system");
    private static final Pattern SECURITY_GROUP_ID = Pattern.compile("sg-([0-9a-f]{8}|[0-9a-f]{17})");
    private static final Pattern PRINCIPAL_ARN =
            Pattern.compile("arn:aws(-[a-z]+)*:iam::[0-9]{12}:(role|user)/[\\w+=,.@/-]{1,512}");
    private static final Pattern ACCESS_POLICY_ARN =
            Pattern.compile("arn:aws(-[a-z]+)*:eks::aws:cluster-access-policy/[A-Za-z0-9]+");
    private static final Pattern ADDON_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,99}");
    private static final int MAX_SECURITY_GROUPS = 5;
    private static final int MAX_TAGS = 50;

    private final SubnetFacts subnets;

    public ClusterSpecValidator(SubnetFacts subnets) {
        this.subnets = subnets;
    }

    /** All problems of {@code spec}; empty when it is valid. */
    public List<Problem> validate(ClusterSpec spec) {
        Problems problems = new Problems();
        validate(spec, problems);
        return problems.list();
    }

    /** Adds the problems of {@code spec} to those already found (a path already reported is not reported again). */
    public void validate(ClusterSpec spec, Problems problems) {
        Checks checks = new Checks(problems);
        FieldPath root = FieldPath.root();
        checks.resourceName(root.field("name"), spec.name(), 100);
        checks.required(root.field("version"), spec.version());
        checks.requiredRoleArn(root.field("roleArn"), spec.roleArn());
        checkSubnets(checks, spec.subnetIds());
        checks.count(root.field("securityGroupIds"), spec.securityGroupIds(), 0, MAX_SECURITY_GROUPS);
        checks.eachString(root.field("securityGroupIds"), spec.securityGroupIds(), (path, id) -> checks.matches(path,
                id, SECURITY_GROUP_ID, "must be a security group ID such as sg-0123456789abcdef0"));
        if (!spec.endpointPublicAccess() && !spec.endpointPrivateAccess()) {
            checks.report(root.field("endpointPrivateAccess"),
                    "must be true when endpointPublicAccess is false, or the API server is unreachable");
        }
        checks.eachString(root.field("logging"), spec.logging(),
                (path, type) -> checks.oneOf(path, type, LOG_TYPES));
        checkTags(checks, spec.tags());
        checks.required(root.field("upgradePolicy"), spec.upgradePolicy());
        if (checks.required(root.field("autoMode"), spec.autoMode())) {
            checkAutoMode(checks, spec.autoMode());
        }
        checkAddons(checks, spec.addons());
        checkAccessEntries(checks, spec.accessEntries());
        checks.eachElement(root.field("nodegroups"), spec.nodegroups(), new NodeGroupRules(checks)::check);
        checks.unique(root.field("nodegroups"), spec.nodegroups(), NodeGroupSpec::name, "name");
        checks.eachElement(root.field("fargateProfiles"), spec.fargateProfiles(),
                new FargateProfileRules(checks, subnets)::check);
        checks.unique(root.field("fargateProfiles"), spec.fargateProfiles(), FargateProfileSpec::name, "name");
    }

    /** At least two subnets, and (where their zones are known) in at least two Availability Zones. */
    private void checkSubnets(Checks checks, List<String> subnetIds) {
        FieldPath path = FieldPath.root().field("subnetIds");
        checks.count(path, subnetIds, 2, Integer.MAX_VALUE);
        checks.eachString(path, subnetIds, checks::subnetId);
        Set<String> zones = new TreeSet<>();
        for (String id : subnetIds) {
            Optional<SubnetFacts.Subnet> subnet = id == null ? Optional.empty() : subnets.find(id);
            if (subnet.isEmpty()) {
                return;
            }
            zones.add(subnet.get().availabilityZone());
        }
        if (subnetIds.size() >= 2 && zones.size() < 2) {
            checks.report(path, "must be in at least two Availability Zones, not only " + String.join(", ", zones));
        }
    }

    private void checkTags(Checks checks, Map<String, String> tags) {
        FieldPath path = FieldPath.root().field("tags");
        checks.count(path, tags, MAX_TAGS);
        tags.forEach((key, value) -> {
            FieldPath at = path.key(key);
            if (key.isEmpty() || key.length() > 128) {
                checks.report(at, "must have a key of 1 to 128 characters");
            } else if (key.toLowerCase(Locale.ROOT).startsWith("aws:")) {
                checks.report(at, "must not have a key starting with aws:, which AWS reserves");
            } else if (checks.required(at, value)) {
                checks.length(at, value, 0, 256);
            }
        });
    }

    private void checkAutoMode(Checks checks, AutoModeSpec autoMode) {
        FieldPath path = FieldPath.root().field("autoMode");
        checks.eachString(path.field("nodePools"), autoMode.nodePools(),
                (at, pool) -> checks.oneOf(at, pool, NODE_POOLS));
        if (!autoMode.nodePools().isEmpty()) {
            if (!autoMode.enabled()) {
                checks.report(path.field("enabled"), "must be true when nodePools are set");
            }
            if (autoMode.nodeRoleArn() == null) {
                checks.report(path.field("nodeRoleArn"), "is required when nodePools are set");
            }
        }
        checks.roleArn(path.field("nodeRoleArn"), autoMode.nodeRoleArn());
    }

    private void checkAddons(Checks checks, List<AddonSpec> addons) {
        FieldPath path = FieldPath.root().field("addons");
        checks.eachElement(path, addons, (at, addon) -> {
            checks.requiredMatch(at.field("name"), addon.name(), ADDON_NAME,
                    "must be an add-on name such as vpc-cni: up to 100 lower-case letters, digits, '-' or '_'");
            if (addon.version() != null && addon.version().isBlank()) {
                checks.report(at.field("version"), "must not be blank; leave it out for the default version");
            }
            checks.length(at.field("version"), addon.version(), 0, 100);
        });
        checks.unique(path, addons, AddonSpec::name, "name");
    }

    private void checkAccessEntries(Checks checks, List<AccessEntrySpec> entries) {
        FieldPath path = FieldPath.root().field("accessEntries");
        checks.eachElement(path, entries, (at, entry) -> {
            checks.requiredMatch(at.field("principalArn"), entry.principalArn(), PRINCIPAL_ARN,
                    "must be an IAM role or user ARN such as arn:aws:iam::123456789012:role/NAME");
            checks.requiredMatch(at.field("policy"), entry.policy(), ACCESS_POLICY_ARN, "must be an EKS access policy"
                    + " ARN such as arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy");
        });
        checks.unique(path, entries, AccessEntrySpec::principalArn, "principalArn");
    }
}
