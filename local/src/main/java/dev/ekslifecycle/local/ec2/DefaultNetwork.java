package dev.ekslifecycle.local.ec2;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The network every region starts with: a default VPC (172.31.0.0/16) with a public and a private subnet in each
 * of three Availability Zones. Ids are derived from the region, so they are the same on every start and a
 * configuration that names a subnet keeps working.
 */
final class DefaultNetwork {

    static final List<String> ZONE_SUFFIXES = List.of("a", "b", "c");
    private static final String[] ZONE_ID_SUFFIXES = {"az1", "az2", "az3"};

    private DefaultNetwork() {
    }

    static Vpc vpc(String region) {
        return new Vpc("vpc-" + id(region, "vpc"), region, "172.31.0.0/16", true,
                Map.of("Name", "default"));
    }

    static List<Ec2Subnet> subnets(String region) {
        Vpc vpc = vpc(region);
        List<Ec2Subnet> out = new ArrayList<>();
        for (int i = 0; i < ZONE_SUFFIXES.size(); i++) {
            String zone = region + ZONE_SUFFIXES.get(i);
            String zoneId = regionCode(region) + "-" + ZONE_ID_SUFFIXES[i];
            out.add(new Ec2Subnet("subnet-" + id(region, "public-" + i), vpc.vpcId(), region, zone, zoneId,
                    "172.31." + (16 * i) + ".0/20", true,
                    Map.of("Name", "default-public-" + zone, "kubernetes.io/role/elb", "1")));
            out.add(new Ec2Subnet("subnet-" + id(region, "private-" + i), vpc.vpcId(), region, zone, zoneId,
                    "172.31." + (128 + 16 * i) + ".0/20", false,
                    Map.of("Name", "default-private-" + zone, "kubernetes.io/role/internal-elb", "1")));
        }
        return out;
    }

    /** use1 for us-east-1, euw2 for eu-west-2, as zone ids are spelled. */
    private static String regionCode(String region) {
        String[] parts = region.split("-");
        if (parts.length != 3) {
            return region;
        }
        String direction = switch (parts[1]) {
            case "east" -> "e";
            case "west" -> "w";
            case "north" -> "n";
            case "south" -> "s";
            case "central" -> "c";
            case "northeast" -> "ne";
            case "southeast" -> "se";
            default -> parts[1].substring(0, 1);
        };
        return parts[0] + direction + parts[2];
    }

    /** 17 hex digits, the length of modern EC2 ids. */
    private static String id(String region, String what) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((region + "/" + what).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, 17);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
