package dev.ekslifecycle.local.eks.api;

import dev.ekslifecycle.local.eks.ops.AccessEntryOperations;
import dev.ekslifecycle.local.eks.ops.AddonOperations;
import dev.ekslifecycle.local.eks.ops.AddonVersionQueries;
import dev.ekslifecycle.local.eks.ops.ClusterOperations;
import dev.ekslifecycle.local.eks.ops.ClusterRequests;
import dev.ekslifecycle.local.eks.ops.ClusterUpdates;
import dev.ekslifecycle.local.eks.ops.FargateOperations;
import dev.ekslifecycle.local.eks.ops.InsightOperations;
import dev.ekslifecycle.local.eks.ops.NodegroupOperations;
import dev.ekslifecycle.local.eks.ops.NodegroupRequests;
import dev.ekslifecycle.local.eks.ops.NodegroupUpdates;
import dev.ekslifecycle.local.eks.ops.Page;
import dev.ekslifecycle.local.eks.ops.TagOperations;
import dev.ekslifecycle.local.eks.ops.VersionQueries;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The EKS operations on the wire (paths and members from the EKS service model), each mapped to its handler. */
public final class EksRoutes {

    private EksRoutes() {
    }

    /** The operations behind the routes. */
    public record Operations(
            ClusterOperations clusters,
            ClusterUpdates clusterUpdates,
            NodegroupOperations nodegroups,
            NodegroupUpdates nodegroupUpdates,
            InsightOperations insights,
            VersionQueries versions,
            FargateOperations fargateProfiles,
            AddonOperations addons,
            AddonVersionQueries addonVersions,
            AccessEntryOperations accessEntries,
            TagOperations tags) {
    }

    static List<Route> all(Operations ops) {
        List<Route> routes = new ArrayList<>(clustersAndNodegroups(ops));
        routes.addAll(profilesAddonsAndAccess(ops));
        routes.addAll(tags(ops));
        return routes;
    }

    private static List<Route> clustersAndNodegroups(Operations ops) {
        return List.of(
                Route.of("POST", "/clusters", "CreateCluster", c -> Map.of("cluster",
                        ops.clusters().create(c.region(), c.body(ClusterRequests.CreateCluster.class)))),
                Route.of("GET", "/clusters", "ListClusters", c -> page("clusters",
                        ops.clusters().list(c.region(), c.queryInt("maxResults"), c.query("nextToken")))),
                Route.of("GET", "/clusters/{name}", "DescribeCluster", c -> Map.of("cluster",
                        ops.clusters().describe(c.region(), c.label("name")))),
                Route.of("DELETE", "/clusters/{name}", "DeleteCluster", c -> Map.of("cluster",
                        ops.clusters().delete(c.region(), c.label("name")))),
                Route.of("POST", "/clusters/{name}/updates", "UpdateClusterVersion", c -> Map.of("update",
                        ops.clusterUpdates().updateVersion(c.region(), c.label("name"),
                                c.body(ClusterRequests.UpdateClusterVersion.class)))),
                Route.of("POST", "/clusters/{name}/update-config", "UpdateClusterConfig", c -> Map.of("update",
                        ops.clusterUpdates().updateConfig(c.region(), c.label("name"),
                                c.body(ClusterRequests.UpdateClusterConfig.class)))),
                Route.of("GET", "/clusters/{name}/updates", "ListUpdates", c -> page("updateIds",
                        ops.clusterUpdates().list(c.region(), c.label("name"), c.query("nodegroupName"),
                                c.query("addonName"), c.queryInt("maxResults"), c.query("nextToken")))),
                Route.of("GET", "/clusters/{name}/updates/{updateId}", "DescribeUpdate", c -> Map.of("update",
                        ops.clusterUpdates().describe(c.region(), c.label("name"), c.label("updateId"),
                                c.query("nodegroupName"), c.query("addonName")))),
                Route.of("GET", "/cluster-versions", "DescribeClusterVersions", c -> page("clusterVersions",
                        ops.versions().clusterVersions(c.queryList("clusterVersions"), c.queryFlag("defaultOnly"),
                                c.queryFlag("includeAll"), c.query("versionStatus"), c.queryInt("maxResults"),
                                c.query("nextToken")))),
                Route.of("POST", "/clusters/{name}/node-groups", "CreateNodegroup", c -> Map.of("nodegroup",
                        ops.nodegroups().create(c.region(), c.label("name"),
                                c.body(NodegroupRequests.CreateNodegroup.class)))),
                Route.of("GET", "/clusters/{name}/node-groups", "ListNodegroups", c -> page("nodegroups",
                        ops.nodegroups().list(c.region(), c.label("name"), c.queryInt("maxResults"),
                                c.query("nextToken")))),
                Route.of("GET", "/clusters/{name}/node-groups/{nodegroupName}", "DescribeNodegroup",
                        c -> Map.of("nodegroup", ops.nodegroups().describe(c.region(), c.label("name"),
                                c.label("nodegroupName")))),
                Route.of("DELETE", "/clusters/{name}/node-groups/{nodegroupName}", "DeleteNodegroup",
                        c -> Map.of("nodegroup", ops.nodegroups().delete(c.region(), c.label("name"),
                                c.label("nodegroupName")))),
                Route.of("POST", "/clusters/{name}/node-groups/{nodegroupName}/update-config",
                        "UpdateNodegroupConfig", c -> Map.of("update", ops.nodegroupUpdates().updateConfig(
                                c.region(), c.label("name"), c.label("nodegroupName"),
                                c.body(NodegroupRequests.UpdateNodegroupConfig.class)))),
                Route.of("POST", "/clusters/{name}/node-groups/{nodegroupName}/update-version",
                        "UpdateNodegroupVersion", c -> Map.of("update", ops.nodegroupUpdates().updateVersion(
                                c.region(), c.label("name"), c.label("nodegroupName"),
                                c.body(NodegroupRequests.UpdateNodegroupVersion.class)))),
                Route.of("POST", "/clusters/{name}/insights", "ListInsights", c -> {
                    ListInsightsBody body = c.body(ListInsightsBody.class);
                    InsightsFilter f = body.filter() == null ? new InsightsFilter(null, null, null) : body.filter();
                    return page("insights", ops.insights().list(c.region(), c.label("name"), f.categories(),
                            f.kubernetesVersions(), f.statuses(), body.maxResults(), body.nextToken()));
                }),
                Route.of("GET", "/clusters/{name}/insights/{id}", "DescribeInsight", c -> Map.of("insight",
                        ops.insights().describe(c.region(), c.label("name"), c.label("id")))));
    }

    private static List<Route> profilesAddonsAndAccess(Operations ops) {
        return List.of(
                Route.of("POST", "/clusters/{name}/fargate-profiles", "CreateFargateProfile", c -> Map.of(
                        "fargateProfile", ops.fargateProfiles().create(c.region(), c.label("name"),
                                c.body(FargateOperations.CreateFargateProfile.class)))),
                Route.of("GET", "/clusters/{name}/fargate-profiles", "ListFargateProfiles", c -> page(
                        "fargateProfileNames", ops.fargateProfiles().list(c.region(), c.label("name"),
                                c.queryInt("maxResults"), c.query("nextToken")))),
                Route.of("GET", "/clusters/{name}/fargate-profiles/{fargateProfileName}", "DescribeFargateProfile",
                        c -> Map.of("fargateProfile", ops.fargateProfiles().describe(c.region(), c.label("name"),
                                c.label("fargateProfileName")))),
                Route.of("DELETE", "/clusters/{name}/fargate-profiles/{fargateProfileName}", "DeleteFargateProfile",
                        c -> Map.of("fargateProfile", ops.fargateProfiles().delete(c.region(), c.label("name"),
                                c.label("fargateProfileName")))),
                Route.of("POST", "/clusters/{name}/addons", "CreateAddon", c -> Map.of("addon",
                        ops.addons().create(c.region(), c.label("name"), c.body(AddonOperations.CreateAddon.class)))),
                Route.of("GET", "/clusters/{name}/addons", "ListAddons", c -> page("addons",
                        ops.addons().list(c.region(), c.label("name"), c.queryInt("maxResults"),
                                c.query("nextToken")))),
                Route.of("GET", "/clusters/{name}/addons/{addonName}", "DescribeAddon", c -> Map.of("addon",
                        ops.addons().describe(c.region(), c.label("name"), c.label("addonName")))),
                Route.of("DELETE", "/clusters/{name}/addons/{addonName}", "DeleteAddon", c -> Map.of("addon",
                        ops.addons().delete(c.region(), c.label("name"), c.label("addonName")))),
                Route.of("POST", "/clusters/{name}/addons/{addonName}/update", "UpdateAddon", c -> Map.of("update",
                        ops.addons().update(c.region(), c.label("name"), c.label("addonName"),
                                c.body(AddonOperations.UpdateAddon.class)))),
                Route.of("GET", "/addons/supported-versions", "DescribeAddonVersions", c -> page("addons",
                        ops.addonVersions().describe(c.query("kubernetesVersion"), c.query("addonName"),
                                c.queryList("types"), c.queryList("publishers"), c.queryList("owners"),
                                c.queryInt("maxResults"), c.query("nextToken")))),
                Route.of("POST", "/clusters/{name}/access-entries", "CreateAccessEntry", c -> Map.of("accessEntry",
                        ops.accessEntries().create(c.region(), c.label("name"),
                                c.body(AccessEntryOperations.CreateAccessEntry.class)))),
                Route.of("GET", "/clusters/{name}/access-entries", "ListAccessEntries", c -> page("accessEntries",
                        ops.accessEntries().list(c.region(), c.label("name"), c.query("associatedPolicyArn"),
                                c.queryInt("maxResults"), c.query("nextToken")))),
                Route.of("POST", "/clusters/{name}/access-entries/{principalArn+}/access-policies",
                        "AssociateAccessPolicy", c -> ops.accessEntries().associatePolicy(c.region(), c.label("name"),
                                c.label("principalArn"), c.body(AccessEntryOperations.AssociateAccessPolicy.class))));
    }

    private static List<Route> tags(Operations ops) {
        return List.of(
                Route.of("GET", "/tags/{resourceArn+}", "ListTagsForResource", c -> Map.of("tags",
                        ops.tags().list(c.label("resourceArn")))),
                Route.of("POST", "/tags/{resourceArn+}", "TagResource", c -> {
                    ops.tags().tag(c.label("resourceArn"), c.body(TagBody.class).tags());
                    return Map.of();
                }),
                Route.of("DELETE", "/tags/{resourceArn+}", "UntagResource", c -> {
                    ops.tags().untag(c.label("resourceArn"), c.queryList("tagKeys"));
                    return Map.of();
                }));
    }

    record TagBody(Map<String, String> tags) {
    }

    record ListInsightsBody(InsightsFilter filter, Integer maxResults, String nextToken) {
    }

    record InsightsFilter(List<String> categories, List<String> kubernetesVersions, List<String> statuses) {
    }

    /** A List response: the items under their member name, and nextToken when there are more. */
    static Map<String, Object> page(String member, Page<?> page) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(member, page.items());
        if (page.nextToken() != null) {
            out.put("nextToken", page.nextToken());
        }
        return out;
    }
}
