package dev.ekslifecycle.local.eks.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The EKS add-ons the emulator offers, their versions and which Kubernetes versions each supports. */
public final class AddonCatalog {

    private final List<AddonDefinition> addons;

    public AddonCatalog(List<AddonDefinition> addons) {
        this.addons = List.copyOf(addons);
    }

    /** The add-ons every EKS cluster can install, with versions close to what AWS published for 1.28-1.34. */
    public static AddonCatalog eks() {
        List<AddonVersion> kubeProxy = new ArrayList<>();
        for (int minor = 28; minor <= 34; minor++) {
            kubeProxy.add(new AddonVersion("v1." + minor + ".0-eksbuild.2", minor, minor, minor, minor));
        }
        return new AddonCatalog(List.of(
                new AddonDefinition("vpc-cni", "networking", List.of(
                        new AddonVersion("v1.18.3-eksbuild.3", 28, 31, 28, 30),
                        new AddonVersion("v1.19.2-eksbuild.1", 28, 33, 31, 32),
                        new AddonVersion("v1.20.4-eksbuild.1", 29, 34, 33, 34))),
                new AddonDefinition("coredns", "networking", List.of(
                        new AddonVersion("v1.10.1-eksbuild.13", 28, 28, 28, 28),
                        new AddonVersion("v1.11.1-eksbuild.13", 29, 31, 29, 29),
                        new AddonVersion("v1.11.3-eksbuild.2", 29, 32, 30, 31),
                        new AddonVersion("v1.11.4-eksbuild.2", 30, 33, 32, 32),
                        new AddonVersion("v1.12.1-eksbuild.2", 31, 34, 33, 33),
                        new AddonVersion("v1.12.3-eksbuild.1", 32, 34, 34, 34))),
                new AddonDefinition("kube-proxy", "networking", kubeProxy),
                new AddonDefinition("eks-pod-identity-agent", "security", List.of(
                        new AddonVersion("v1.3.4-eksbuild.1", 28, 34, 28, 34))),
                new AddonDefinition("aws-ebs-csi-driver", "storage", List.of(
                        new AddonVersion("v1.37.0-eksbuild.1", 28, 32, 28, 31),
                        new AddonVersion("v1.45.0-eksbuild.2", 29, 34, 32, 34)))));
    }

    public List<AddonDefinition> all() {
        return addons;
    }

    public Optional<AddonDefinition> find(String name) {
        return addons.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** An add-on and its versions, newest last. */
    public record AddonDefinition(String name, String type, List<AddonVersion> versions) {

        public Optional<AddonVersion> version(String addonVersion) {
            return versions.stream().filter(v -> v.addonVersion().equals(addonVersion)).findFirst();
        }

        /** The version EKS installs on a cluster of {@code minor} when none is asked for. */
        public Optional<AddonVersion> defaultFor(int minor) {
            return versions.stream().filter(v -> v.isDefaultFor(minor)).findFirst();
        }
    }

    /** One add-on version: the Kubernetes minors it supports and those it is the default for. */
    public record AddonVersion(String addonVersion, int minMinor, int maxMinor, int defaultFromMinor,
                               int defaultToMinor) {

        public boolean supports(int minor) {
            return minor >= minMinor && minor <= maxMinor;
        }

        public boolean isDefaultFor(int minor) {
            return minor >= defaultFromMinor && minor <= defaultToMinor;
        }
    }
}
