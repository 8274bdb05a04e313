package dev.ekslifecycle.local.eks.catalog;

import java.time.Instant;

/**
 * One Kubernetes minor version EKS offers: when it was released and when its standard (14 months) and extended
 * (12 more months) support end.
 */
public record KubernetesVersion(
        String version,
        String patchVersion,
        String platformVersion,
        Instant releaseDate,
        Instant endOfStandardSupport,
        Instant endOfExtendedSupport) {

    /** The minor number of a version such as {@code 1.30}; -1 when it is not of the form 1.N. */
    public static int minorOf(String version) {
        if (version == null || !version.matches("1\\.\\d{1,3}")) {
            return -1;
        }
        return Integer.parseInt(version.substring(2));
    }

    public static String ofMinor(int minor) {
        return "1." + minor;
    }

    public int minor() {
        return minorOf(version);
    }

    /** {@code STANDARD_SUPPORT}, {@code EXTENDED_SUPPORT} or {@code UNSUPPORTED} at {@code now}. */
    public String supportStatus(Instant now) {
        if (now.isBefore(endOfStandardSupport)) {
            return "STANDARD_SUPPORT";
        }
        return now.isBefore(endOfExtendedSupport) ? "EXTENDED_SUPPORT" : "UNSUPPORTED";
    }

    /** Released and not past extended support: clusters can run it. */
    public boolean isOffered(Instant now) {
        return !now.isBefore(releaseDate) && now.isBefore(endOfExtendedSupport);
    }

    /** The AMI release version of managed nodes built for this version. */
    public String amiReleaseVersion() {
        return patchVersion + "-20251120";
    }
}
