package dev.ekslifecycle.local.kubernetes;

/**
 * Version strings as EKS components report them: {@code v1.31.4-eks-0d2b7a3} from a minor version and an AMI
 * release version such as {@code 1.31.4-20250123} (patch 0 when the release does not say).
 */
final class KubeletVersions {

    private KubeletVersions() {
    }

    static String of(String kubernetesVersion, String releaseVersion) {
        String patch = "0";
        if (releaseVersion != null && releaseVersion.startsWith(kubernetesVersion + ".")) {
            String rest = releaseVersion.substring(kubernetesVersion.length() + 1);
            patch = rest.split("[^0-9]", 2)[0];
        }
        String full = kubernetesVersion + "." + (patch.isEmpty() ? "0" : patch);
        return "v" + full + "-eks-" + String.format("%07x", full.hashCode() & 0xFFFFFFF);
    }
}
