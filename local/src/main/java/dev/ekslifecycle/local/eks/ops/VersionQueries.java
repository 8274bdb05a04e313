package dev.ekslifecycle.local.eks.ops;

import dev.ekslifecycle.local.eks.catalog.KubernetesVersion;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** DescribeClusterVersions: the version catalog with each version's support status at the clock's time. */
public final class VersionQueries {

    private final EksContext ctx;

    public VersionQueries(EksContext ctx) {
        this.ctx = ctx;
    }

    /** One entry of DescribeClusterVersions, member names as on the wire. */
    public record ClusterVersionInformation(
            String clusterVersion,
            String clusterType,
            String defaultPlatformVersion,
            Boolean defaultVersion,
            Instant releaseDate,
            Instant endOfStandardSupportDate,
            Instant endOfExtendedSupportDate,
            String status,
            String versionStatus,
            String kubernetesPatchVersion) {
    }

    /**
     * Versions matching the filters; unsupported ones only with {@code includeAll}. {@code versionStatus} is
     * STANDARD_SUPPORT, EXTENDED_SUPPORT or UNSUPPORTED.
     */
    public Page<ClusterVersionInformation> clusterVersions(List<String> versions, boolean defaultOnly,
                                                           boolean includeAll, String versionStatus,
                                                           Integer maxResults, String nextToken) {
        Instant now = ctx.now();
        String defaultVersion = ctx.versions().defaultVersion(now).version();
        List<ClusterVersionInformation> matching = ctx.versions().all().stream()
                .filter(v -> !now.isBefore(v.releaseDate()))
                .filter(v -> versions == null || versions.isEmpty() || versions.contains(v.version()))
                .filter(v -> !defaultOnly || v.version().equals(defaultVersion))
                .filter(v -> includeAll || !"UNSUPPORTED".equals(v.supportStatus(now)))
                .filter(v -> versionStatus == null || versionStatus.equals(v.supportStatus(now)))
                .map(v -> information(v, now, v.version().equals(defaultVersion)))
                .toList();
        return Page.of(matching, maxResults, nextToken, 100);
    }

    private static ClusterVersionInformation information(KubernetesVersion v, Instant now, boolean isDefault) {
        String support = v.supportStatus(now);
        return new ClusterVersionInformation(v.version(), "eks", v.platformVersion(), isDefault, v.releaseDate(),
                v.endOfStandardSupport(), v.endOfExtendedSupport(),
                support.toLowerCase(Locale.ROOT).replace('_', '-'), support, v.patchVersion());
    }
}
