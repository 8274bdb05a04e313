package dev.ekslifecycle.local.ec2;

import dev.ekslifecycle.local.aws.LocalAccount;
import dev.ekslifecycle.local.query.XmlWriter;
import java.util.Map;
import java.util.TreeMap;

/** The XML items of EC2's answers, spelled the way the SDK's Ec2Client reads them. */
final class Ec2Documents {

    /** Addresses in a /20 that instances can use: 4,096 less the five AWS reserves. */
    private static final int ADDRESSES_PER_SUBNET = 4091;

    private Ec2Documents() {
    }

    static void vpc(XmlWriter xml, Vpc v) {
        xml.open("item").element("vpcId", v.vpcId()).element("ownerId", LocalAccount.ACCOUNT_ID)
                .element("state", "available").element("cidrBlock", v.cidrBlock())
                .open("cidrBlockAssociationSet").open("item")
                .element("cidrBlock", v.cidrBlock()).element("associationId", "vpc-cidr-assoc-" + v.vpcId().substring(4))
                .open("cidrBlockState").element("state", "associated").close()
                .close().close()
                .element("dhcpOptionsId", "dopt-" + v.vpcId().substring(4)).element("instanceTenancy", "default")
                .element("isDefault", v.isDefault());
        tags(xml, v.tags());
        xml.close();
    }

    static void subnet(XmlWriter xml, Ec2Subnet s, long instancesInside) {
        xml.open("item").element("subnetId", s.subnetId()).element("subnetArn", s.arn())
                .element("state", "available").element("vpcId", s.vpcId()).element("ownerId", LocalAccount.ACCOUNT_ID)
                .element("cidrBlock", s.cidrBlock())
                .element("availableIpAddressCount", ADDRESSES_PER_SUBNET - instancesInside)
                .element("availabilityZone", s.availabilityZone()).element("availabilityZoneId", s.availabilityZoneId())
                .element("defaultForAz", s.publicSubnet()).element("mapPublicIpOnLaunch", s.publicSubnet())
                .element("assignIpv6AddressOnCreation", false);
        tags(xml, s.tags());
        xml.close();
    }

    static void reservation(XmlWriter xml, Ec2Instance i) {
        xml.open("item").element("reservationId", i.reservationId()).element("ownerId", LocalAccount.ACCOUNT_ID)
                .open("groupSet").close()
                .open("instancesSet").open("item")
                .element("instanceId", i.instanceId()).element("imageId", i.imageId());
        state(xml, "instanceState", i.state());
        xml.element("privateDnsName", i.state().alive() ? i.privateDnsName() : "")
                .element("dnsName", "").element("reason", i.stateTransitionReason())
                .element("amiLaunchIndex", 0).element("instanceType", i.instanceType())
                .element("launchTime", i.launchTime())
                .open("placement").element("availabilityZone", i.availabilityZone()).element("tenancy", "default")
                .close()
                .open("monitoring").element("state", "disabled").close()
                .element("subnetId", i.subnetId()).element("vpcId", i.vpcId())
                .element("privateIpAddress", i.privateIpAddress()).element("architecture", "x86_64")
                .element("rootDeviceType", "ebs").element("rootDeviceName", "/dev/xvda")
                .element("hypervisor", "xen").element("virtualizationType", "hvm");
        if (i.state() == InstanceState.TERMINATED || i.state() == InstanceState.SHUTTING_DOWN) {
            xml.open("stateReason").element("code", "Client.UserInitiatedShutdown")
                    .element("message", "Client.UserInitiatedShutdown: User initiated shutdown").close();
        }
        tags(xml, i.tags());
        xml.close().close().close();
    }

    static void instanceStatus(XmlWriter xml, Ec2Instance i) {
        String status = statusOf(i);
        xml.open("item").element("instanceId", i.instanceId()).element("availabilityZone", i.availabilityZone());
        state(xml, "instanceState", i.state());
        for (String part : new String[] {"systemStatus", "instanceStatus"}) {
            xml.open(part).element("status", status).open("details").open("item")
                    .element("name", "reachability").element("status", "ok".equals(status) ? "passed" : status)
                    .close().close().close();
        }
        xml.close();
    }

    /** A running instance passes its checks; others have none to pass. */
    static String statusOf(Ec2Instance i) {
        return i.state() == InstanceState.RUNNING ? "ok" : "not-applicable";
    }

    static void state(XmlWriter xml, String element, InstanceState state) {
        xml.open(element).element("code", state.code()).element("name", state.apiName()).close();
    }

    private static void tags(XmlWriter xml, Map<String, String> tags) {
        xml.open("tagSet");
        new TreeMap<>(tags).forEach((k, v) -> xml.open("item").element("key", k).element("value", v).close());
        xml.close();
    }
}
