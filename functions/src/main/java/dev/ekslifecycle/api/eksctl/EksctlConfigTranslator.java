package dev.ekslifecycle.api.eksctl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.domain.FieldPath;
import dev.ekslifecycle.domain.Problems;
import dev.ekslifecycle.domain.SubnetFacts;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads an eksctl {@code ClusterConfig} ({@code apiVersion: eksctl.io/v1alpha5}) and maps the parts we support onto
 * our cluster spec: metadata, iam, vpc (subnets, security group, endpoint access), managedNodeGroups,
 * fargateProfiles, addons, accessConfig and cloudWatch logging. Every other field is refused by its path. The
 * result still goes through the spec's own validation.
 */
public final class EksctlConfigTranslator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ALIASES = 20;

    private static final Set<String> TOP = Set.of("apiVersion", "kind", "metadata", "iam", "vpc",
            "managedNodeGroups", "fargateProfiles", "addons", "accessConfig", "cloudWatch");
    private static final Set<String> METADATA = Set.of("name", "region", "version", "tags");
    private static final Set<String> IAM = Set.of("serviceRoleARN");
    private static final Set<String> VPC = Set.of("subnets", "securityGroup", "clusterEndpoints");
    private static final Set<String> ENDPOINTS = Set.of("publicAccess", "privateAccess");
    private static final Set<String> NODEGROUP = Set.of("name", "instanceType", "instanceTypes", "minSize", "maxSize",
            "desiredCapacity", "labels", "taints", "iam", "subnets", "spot", "amiFamily", "updateConfig");
    private static final Set<String> NODEGROUP_IAM = Set.of("instanceRoleARN");
    private static final Set<String> UPDATE_CONFIG = Set.of("maxUnavailable", "maxUnavailablePercentage");
    private static final Set<String> TAINT = Set.of("key", "value", "effect");
    private static final Set<String> FARGATE = Set.of("name", "selectors", "podExecutionRoleARN", "subnets");
    private static final Set<String> SELECTOR = Set.of("namespace", "labels");
    private static final Set<String> ADDON = Set.of("name", "version");
    private static final Set<String> ACCESS_CONFIG = Set.of("authenticationMode", "accessEntries");
    private static final Set<String> ACCESS_ENTRY = Set.of("principalARN", "accessPolicies");
    private static final Set<String> ACCESS_POLICY = Set.of("policyARN", "accessScope");
    private static final Set<String> CLOUDWATCH = Set.of("clusterLogging");
    private static final Set<String> CLUSTER_LOGGING = Set.of("enableTypes");
    private static final List<String> ALL_LOG_TYPES =
            List.of("api", "audit", "authenticator", "controllerManager", "scheduler");
    private static final Map<String, String> AMI_FAMILIES = Map.of(
            "AmazonLinux2023", "AL2023_x86_64_STANDARD",
            "AmazonLinux2", "AL2_x86_64",
            "Bottlerocket", "BOTTLEROCKET_x86_64");
    private static final Map<String, String> TAINT_EFFECTS = Map.of(
            "NoSchedule", "NO_SCHEDULE", "NoExecute", "NO_EXECUTE", "PreferNoSchedule", "PREFER_NO_SCHEDULE");

    private final String deploymentRegion;

    /** {@code deploymentRegion}: where this eks-lifecycle runs; a config naming another region is refused. */
    public EksctlConfigTranslator(String deploymentRegion) {
        this.deploymentRegion = deploymentRegion;
    }

    public EksctlTranslation translate(String yamlText) {
        Problems problems = new Problems();
        Map<String, SubnetFacts.Subnet> subnets = new HashMap<>();
        ObjectNode spec = JSON.createObjectNode();
        JsonNode config;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(MAX_ALIASES);
            config = JSON.valueToTree(new Yaml(new SafeConstructor(options)).load(yamlText));
        } catch (YAMLException | IllegalArgumentException e) {
            problems.add(FieldPath.root(), "is not valid YAML: " + e.getMessage());
            return new EksctlTranslation(spec, problems.list(), subnets);
        }
        if (config == null || !config.isObject()) {
            problems.add(FieldPath.root(), "must be an eksctl ClusterConfig object");
            return new EksctlTranslation(spec, problems.list(), subnets);
        }
        FieldPath root = FieldPath.root();
        refuseUnknown(config, TOP, root, problems);
        expect(config, "apiVersion", "eksctl.io/v1alpha5", root, problems);
        expect(config, "kind", "ClusterConfig", root, problems);

        JsonNode metadata = config.path("metadata");
        refuseUnknown(metadata, METADATA, root.field("metadata"), problems);
        copy(metadata, "name", spec, "name");
        copy(metadata, "version", spec, "version");
        copy(metadata, "tags", spec, "tags");
        if (metadata.has("region") && !metadata.get("region").asText().equals(deploymentRegion)) {
            problems.add(root.field("metadata").field("region"), "must be " + deploymentRegion
                    + ", the region this eks-lifecycle runs in");
        }

        JsonNode iam = config.path("iam");
        refuseUnknown(iam, IAM, root.field("iam"), problems);
        copy(iam, "serviceRoleARN", spec, "roleArn");

        translateVpc(config.path("vpc"), root.field("vpc"), spec, subnets, problems);
        translateNodegroups(config.path("managedNodeGroups"), root.field("managedNodeGroups"), spec, problems);
        translateFargate(config.path("fargateProfiles"), root.field("fargateProfiles"), spec, problems);
        translateAddons(config.path("addons"), root.field("addons"), spec, problems);
        translateAccess(config.path("accessConfig"), root.field("accessConfig"), spec, problems);
        translateLogging(config.path("cloudWatch"), root.field("cloudWatch"), spec, problems);
        return new EksctlTranslation(spec, problems.list(), subnets);
    }

    private void translateVpc(JsonNode vpc, FieldPath path, ObjectNode spec, Map<String, SubnetFacts.Subnet> subnets,
                              Problems problems) {
        refuseUnknown(vpc, VPC, path, problems);
        ArrayNode ids = JSON.createArrayNode();
        for (String kind : List.of("private", "public")) {
            JsonNode byZone = vpc.path("subnets").path(kind);
            for (Iterator<Map.Entry<String, JsonNode>> it = byZone.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> zone = it.next();
                FieldPath zonePath = path.field("subnets").field(kind).key(zone.getKey());
                refuseUnknown(zone.getValue(), Set.of("id"), zonePath, problems);
                String id = zone.getValue().path("id").asText(null);
                if (id == null) {
                    problems.add(zonePath.field("id"), "is required: eks-lifecycle uses existing subnets");
                    continue;
                }
                ids.add(id);
                subnets.put(id, new SubnetFacts.Subnet(zone.getKey(), kind.equals("public")));
            }
        }
        for (Iterator<String> it = vpc.path("subnets").fieldNames(); it.hasNext(); ) {
            String kind = it.next();
            if (!kind.equals("private") && !kind.equals("public")) {
                problems.add(path.field("subnets").field(kind), "is not supported (only private and public)");
            }
        }
        if (!ids.isEmpty()) {
            spec.set("subnetIds", ids);
        }
        if (vpc.has("securityGroup")) {
            spec.set("securityGroupIds", JSON.createArrayNode().add(vpc.get("securityGroup")));
        }
        JsonNode endpoints = vpc.path("clusterEndpoints");
        refuseUnknown(endpoints, ENDPOINTS, path.field("clusterEndpoints"), problems);
        copy(endpoints, "publicAccess", spec, "endpointPublicAccess");
        copy(endpoints, "privateAccess", spec, "endpointPrivateAccess");
    }

    private void translateNodegroups(JsonNode groups, FieldPath path, ObjectNode spec, Problems problems) {
        if (groups.isMissingNode()) {
            return;
        }
        ArrayNode out = spec.putArray("nodegroups");
        for (int i = 0; i < groups.size(); i++) {
            JsonNode g = groups.get(i);
            FieldPath at = path.index(i);
            refuseUnknown(g, NODEGROUP, at, problems);
            ObjectNode ng = out.addObject();
            copy(g, "name", ng, "name");
            if (g.has("instanceType")) {
                ng.set("instanceTypes", JSON.createArrayNode().add(g.get("instanceType")));
            }
            copy(g, "instanceTypes", ng, "instanceTypes");
            copy(g, "minSize", ng, "minSize");
            copy(g, "maxSize", ng, "maxSize");
            copy(g, "desiredCapacity", ng, "desiredSize");
            copy(g, "labels", ng, "labels");
            copy(g, "subnets", ng, "subnetIds");
            refuseUnknown(g.path("iam"), NODEGROUP_IAM, at.field("iam"), problems);
            copy(g.path("iam"), "instanceRoleARN", ng, "nodeRoleArn");
            if (g.has("spot")) {
                ng.put("capacityType", g.get("spot").asBoolean() ? "SPOT" : "ON_DEMAND");
            }
            if (g.has("amiFamily")) {
                String ami = AMI_FAMILIES.get(g.get("amiFamily").asText());
                if (ami == null) {
                    problems.add(at.field("amiFamily"), "must be one of " + AMI_FAMILIES.keySet());
                } else {
                    ng.put("amiType", ami);
                }
            }
            refuseUnknown(g.path("updateConfig"), UPDATE_CONFIG, at.field("updateConfig"), problems);
            copy(g.path("updateConfig"), "maxUnavailable", ng, "maxUnavailable");
            copy(g.path("updateConfig"), "maxUnavailablePercentage", ng, "maxUnavailablePercentage");
            translateTaints(g.path("taints"), at.field("taints"), ng, problems);
        }
    }

    private void translateTaints(JsonNode taints, FieldPath path, ObjectNode ng, Problems problems) {
        if (taints.isMissingNode()) {
            return;
        }
        ArrayNode out = ng.putArray("taints");
        for (int i = 0; i < taints.size(); i++) {
            JsonNode t = taints.get(i);
            refuseUnknown(t, TAINT, path.index(i), problems);
            ObjectNode taint = out.addObject();
            copy(t, "key", taint, "key");
            copy(t, "value", taint, "value");
            String effect = t.path("effect").asText("");
            // eksctl spells effects as Kubernetes does; EKS's API (and our spec) uses upper snake case.
            taint.put("effect", TAINT_EFFECTS.getOrDefault(effect, effect));
        }
    }

    private void translateFargate(JsonNode profiles, FieldPath path, ObjectNode spec, Problems problems) {
        if (profiles.isMissingNode()) {
            return;
        }
        ArrayNode out = spec.putArray("fargateProfiles");
        for (int i = 0; i < profiles.size(); i++) {
            JsonNode p = profiles.get(i);
            refuseUnknown(p, FARGATE, path.index(i), problems);
            ObjectNode profile = out.addObject();
            copy(p, "name", profile, "name");
            copy(p, "podExecutionRoleARN", profile, "podExecutionRoleArn");
            copy(p, "subnets", profile, "subnetIds");
            ArrayNode selectors = profile.putArray("selectors");
            JsonNode in = p.path("selectors");
            for (int s = 0; s < in.size(); s++) {
                refuseUnknown(in.get(s), SELECTOR, path.index(i).field("selectors").index(s), problems);
                ObjectNode selector = selectors.addObject();
                copy(in.get(s), "namespace", selector, "namespace");
                copy(in.get(s), "labels", selector, "labels");
            }
        }
    }

    private void translateAddons(JsonNode addons, FieldPath path, ObjectNode spec, Problems problems) {
        if (addons.isMissingNode()) {
            return;
        }
        ArrayNode out = spec.putArray("addons");
        for (int i = 0; i < addons.size(); i++) {
            refuseUnknown(addons.get(i), ADDON, path.index(i), problems);
            ObjectNode addon = out.addObject();
            copy(addons.get(i), "name", addon, "name");
            copy(addons.get(i), "version", addon, "version");
        }
    }

    private void translateAccess(JsonNode access, FieldPath path, ObjectNode spec, Problems problems) {
        refuseUnknown(access, ACCESS_CONFIG, path, problems);
        if (access.has("authenticationMode")
                && !"API_AND_CONFIG_MAP".equals(access.get("authenticationMode").asText())) {
            problems.add(path.field("authenticationMode"), "must be API_AND_CONFIG_MAP, the mode eks-lifecycle uses");
        }
        JsonNode entries = access.path("accessEntries");
        if (entries.isMissingNode()) {
            return;
        }
        ArrayNode out = spec.putArray("accessEntries");
        for (int i = 0; i < entries.size(); i++) {
            JsonNode e = entries.get(i);
            FieldPath at = path.field("accessEntries").index(i);
            refuseUnknown(e, ACCESS_ENTRY, at, problems);
            ObjectNode entry = out.addObject();
            copy(e, "principalARN", entry, "principalArn");
            JsonNode policies = e.path("accessPolicies");
            if (policies.size() != 1) {
                problems.add(at.field("accessPolicies"), "must hold exactly one policy (cluster scope)");
                continue;
            }
            JsonNode policy = policies.get(0);
            refuseUnknown(policy, ACCESS_POLICY, at.field("accessPolicies").index(0), problems);
            String scope = policy.path("accessScope").path("type").asText("cluster");
            if (!scope.equals("cluster")) {
                problems.add(at.field("accessPolicies").index(0).field("accessScope").field("type"),
                        "must be cluster (namespace scopes are not supported)");
            }
            copy(policy, "policyARN", entry, "policy");
        }
    }

    private void translateLogging(JsonNode cloudWatch, FieldPath path, ObjectNode spec, Problems problems) {
        refuseUnknown(cloudWatch, CLOUDWATCH, path, problems);
        JsonNode logging = cloudWatch.path("clusterLogging");
        refuseUnknown(logging, CLUSTER_LOGGING, path.field("clusterLogging"), problems);
        JsonNode types = logging.path("enableTypes");
        if (types.isMissingNode()) {
            return;
        }
        ArrayNode out = spec.putArray("logging");
        for (JsonNode type : types) {
            if (type.asText().equals("*") || type.asText().equals("all")) {
                ALL_LOG_TYPES.forEach(out::add);
            } else {
                out.add(type);
            }
        }
    }

    private static void refuseUnknown(JsonNode node, Set<String> known, FieldPath path, Problems problems) {
        if (node.isMissingNode()) {
            return;
        }
        if (!node.isObject()) {
            problems.add(path, "must be an object");
            return;
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                problems.add(path.field(name), "is not supported by eks-lifecycle");
            }
        });
    }

    private static void expect(JsonNode node, String field, String value, FieldPath path, Problems problems) {
        if (!value.equals(node.path(field).asText(null))) {
            problems.add(path.field(field), "must be " + value);
        }
    }

    private static void copy(JsonNode from, String field, ObjectNode to, String as) {
        if (from.has(field)) {
            to.set(as, from.get(field));
        }
    }
}
