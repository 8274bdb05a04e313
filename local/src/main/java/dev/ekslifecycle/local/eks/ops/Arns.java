package dev.ekslifecycle.local.eks.ops;

import dev.ekslifecycle.local.aws.LocalAccount;
import java.util.UUID;

/** The ARNs EKS gives its resources, in the local account. Child resources end with a random id, as on AWS. */
final class Arns {

    private Arns() {
    }

    static String cluster(String region, String name) {
        return prefix(region) + "cluster/" + name;
    }

    static String nodegroup(String region, String cluster, String name) {
        return prefix(region) + "nodegroup/" + cluster + "/" + name + "/" + UUID.randomUUID();
    }

    static String fargateProfile(String region, String cluster, String name) {
        return prefix(region) + "fargateprofile/" + cluster + "/" + name + "/" + UUID.randomUUID();
    }

    static String addon(String region, String cluster, String name) {
        return prefix(region) + "addon/" + cluster + "/" + name + "/" + UUID.randomUUID();
    }

    /** {@code arn:aws:iam::111:role/path/name} becomes {@code access-entry/cluster/role/111/name/id}. */
    static String accessEntry(String region, String cluster, String principalArn) {
        String[] parts = principalArn.split(":", 6);
        String account = parts.length > 4 ? parts[4] : LocalAccount.ACCOUNT_ID;
        String resource = parts.length > 5 ? parts[5] : principalArn;
        String kind = resource.startsWith("user/") ? "user" : "role";
        String name = resource.substring(resource.lastIndexOf('/') + 1);
        return prefix(region) + "access-entry/" + cluster + "/" + kind + "/" + account + "/" + name + "/"
                + UUID.randomUUID();
    }

    private static String prefix(String region) {
        return "arn:aws:eks:" + region + ":" + LocalAccount.ACCOUNT_ID + ":";
    }
}
