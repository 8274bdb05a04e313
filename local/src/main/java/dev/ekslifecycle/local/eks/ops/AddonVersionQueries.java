package dev.ekslifecycle.local.eks.ops;

import dev.ekslifecycle.local.eks.catalog.AddonCatalog;
import java.util.List;

/** DescribeAddonVersions: the add-on catalog with, per version, the Kubernetes versions it is compatible with. */
public final class AddonVersionQueries {

    private final EksContext ctx;

    public AddonVersionQueries(EksContext ctx) {
        this.ctx = ctx;
    }

    public record AddonInfo(String addonName, String type, List<AddonVersionInfo> addonVersions, String publisher,
                            String owner) {
    }

    public record AddonVersionInfo(String addonVersion, List<String> architecture, List<String> computeTypes,
                                   List<Compatibility> compatibilities, Boolean requiresConfiguration,
                                   Boolean requiresIamPermissions) {
    }

    public record Compatibility(String clusterVersion, List<String> platformVersions, Boolean defaultVersion) {
    }

    /**
     * Add-ons matching the filters; with {@code kubernetesVersion}, only versions compatible with it, each with
     * only that compatibility.
     */
    public Page<AddonInfo> describe(String kubernetesVersion, String addonName, List<String> types,
                                    List<String> publishers, List<String> owners, Integer maxResults,
                                    String nextToken) {
        if (addonName != null && ctx.addons().find(addonName).isEmpty()) {
            throw EksError.resourceNotFound("Addon " + addonName + " not found").with("addonName", addonName);
        }
        if (kubernetesVersion != null && ctx.versions().find(kubernetesVersion).isEmpty()) {
            throw EksError.invalidParameter("unsupported Kubernetes version " + kubernetesVersion);
        }
        List<AddonInfo> matching = ctx.addons().all().stream()
                .filter(a -> addonName == null || a.name().equals(addonName))
                .filter(a -> types.isEmpty() || types.contains(a.type()))
                .filter(a -> publishers.isEmpty() || publishers.contains("eks"))
                .filter(a -> owners.isEmpty() || owners.contains("aws"))
                .map(a -> info(a, kubernetesVersion))
                .filter(a -> !a.addonVersions().isEmpty())
                .toList();
        return Page.of(matching, maxResults, nextToken, 100);
    }

    private AddonInfo info(AddonCatalog.AddonDefinition addon, String kubernetesVersion) {
        List<AddonVersionInfo> versions = reversed(addon.versions()).stream()
                .map(v -> new AddonVersionInfo(v.addonVersion(), List.of("amd64", "arm64"), List.of("ec2"),
                        compatibilities(v, kubernetesVersion), false, addon.name().equals("aws-ebs-csi-driver")))
                .filter(v -> !v.compatibilities().isEmpty())
                .toList();
        return new AddonInfo(addon.name(), addon.type(), versions, "eks", "aws");
    }

    private List<Compatibility> compatibilities(AddonCatalog.AddonVersion v, String kubernetesVersion) {
        return ctx.versions().all().stream()
                .filter(k -> v.supports(k.minor()))
                .filter(k -> kubernetesVersion == null || k.version().equals(kubernetesVersion))
                .map(k -> new Compatibility(k.version(), List.of("*"), v.isDefaultFor(k.minor())))
                .toList();
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new java.util.ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }
}
