package dev.ekslifecycle.local.eks.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The Kubernetes versions EKS offers, with their support calendar (dates as AWS published them). */
public final class VersionCatalog {

    private final List<KubernetesVersion> versions;

    public VersionCatalog(List<KubernetesVersion> versions) {
        this.versions = versions.stream().sorted(Comparator.comparingInt(KubernetesVersion::minor)).toList();
    }

    /** EKS's calendar for 1.28 to 1.34. */
    public static VersionCatalog eks() {
        return new VersionCatalog(List.of(
                version("1.28", "1.28.15", "eks.49", "2023-09-26", "2024-11-26", "2025-11-26"),
                version("1.29", "1.29.15", "eks.42", "2024-01-23", "2025-03-23", "2026-03-23"),
                version("1.30", "1.30.14", "eks.35", "2024-05-23", "2025-07-23", "2026-07-23"),
                version("1.31", "1.31.13", "eks.29", "2024-09-26", "2025-11-26", "2026-11-26"),
                version("1.32", "1.32.9", "eks.19", "2025-01-23", "2026-03-23", "2027-03-23"),
                version("1.33", "1.33.5", "eks.12", "2025-05-29", "2026-07-29", "2027-07-29"),
                version("1.34", "1.34.1", "eks.4", "2025-10-02", "2026-12-02", "2027-12-02")));
    }

    private static KubernetesVersion version(String v, String patch, String platform, String released,
                                             String endStandard, String endExtended) {
        return new KubernetesVersion(v, patch, platform, day(released), day(endStandard), day(endExtended));
    }

    private static Instant day(String isoDate) {
        return LocalDate.parse(isoDate).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public List<KubernetesVersion> all() {
        return versions;
    }

    public Optional<KubernetesVersion> find(String version) {
        return versions.stream().filter(v -> v.version().equals(version)).findFirst();
    }

    /** The version a cluster can run at {@code now}, if it is one. */
    public Optional<KubernetesVersion> offered(String version, Instant now) {
        return find(version).filter(v -> v.isOffered(now));
    }

    /** The version CreateCluster picks when none is given: the newest released one. */
    public KubernetesVersion defaultVersion(Instant now) {
        return versions.stream().filter(v -> v.isOffered(now)).reduce((a, b) -> b)
                .orElse(versions.get(versions.size() - 1));
    }
}
