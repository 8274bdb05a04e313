package dev.ekslifecycle.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes minor version as EKS names it ({@code 1.31}). EKS upgrades one minor at a time and lets the kubelet
 * trail the API server by a number of minors, so distances are counted in minors.
 */
public record KubernetesVersion(int major, int minor) implements Comparable<KubernetesVersion> {

    // No leading zeros: "1.031" would compare equal to "1.31" while printing differently.
    private static final Pattern FORMAT = Pattern.compile("(0|[1-9][0-9]{0,3})\\.(0|[1-9][0-9]{0,3})");

    public KubernetesVersion {
        if (major < 1 || minor < 0) {
            throw new IllegalArgumentException("a Kubernetes version needs major >= 1 and minor >= 0, not "
                    + major + "." + minor);
        }
    }

    /** Parses {@code MAJOR.MINOR}; anything else (patch levels, a leading "v", blanks) is refused. */
    public static KubernetesVersion parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("a Kubernetes version is required, such as 1.31");
        }
        Matcher m = FORMAT.matcher(text);
        if (!m.matches() || Integer.parseInt(m.group(1)) < 1) {
            throw new IllegalArgumentException("\"" + text + "\" is not a Kubernetes version: expected MAJOR.MINOR"
                    + " such as 1.31");
        }
        return new KubernetesVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public KubernetesVersion nextMinor() {
        return new KubernetesVersion(major, minor + 1);
    }

    /**
     * How many minor upgrades lead from this version to {@code target}: positive when the target is newer, negative
     * when older. Versions of different majors have no distance in minors.
     */
    public int minorsUntil(KubernetesVersion target) {
        if (target.major != major) {
            throw new IllegalArgumentException("no distance in minors between " + this + " and " + target);
        }
        return target.minor - minor;
    }

    public boolean isNewerThan(KubernetesVersion other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(KubernetesVersion other) {
        return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
