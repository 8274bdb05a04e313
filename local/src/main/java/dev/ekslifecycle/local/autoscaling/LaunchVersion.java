package dev.ekslifecycle.local.autoscaling;

/**
 * The launch template version a group launches from: what EKS puts in a node group's launch template, reduced to
 * what the emulators need (the kubelet's Kubernetes version and the AMI release).
 */
public record LaunchVersion(int number, String kubernetesVersion, String releaseVersion) {

    public LaunchVersion next(String newKubernetesVersion, String newReleaseVersion) {
        return new LaunchVersion(number + 1, newKubernetesVersion, newReleaseVersion);
    }

    /** A stable AMI id per release, so DescribeInstances shows that replaced instances run another image. */
    public String imageId() {
        return "ami-" + String.format("%017x", (long) (kubernetesVersion + "/" + releaseVersion).hashCode() & 0xFFFFFFFFL);
    }
}
