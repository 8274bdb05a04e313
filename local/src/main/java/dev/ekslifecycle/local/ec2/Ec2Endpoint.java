package dev.ekslifecycle.local.ec2;

import dev.ekslifecycle.local.faults.FaultInjector;
import dev.ekslifecycle.local.query.Page;
import dev.ekslifecycle.local.query.QueryEndpoint;
import dev.ekslifecycle.local.query.QueryError;
import dev.ekslifecycle.local.query.QueryParameters;
import dev.ekslifecycle.local.query.XmlWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * EC2 on the edge port (ec2 protocol, API version 2016-11-15): DescribeVpcs, DescribeSubnets,
 * DescribeAvailabilityZones, DescribeInstances, DescribeInstanceStatus and TerminateInstances, with EC2's filters,
 * pagination and errors.
 */
public final class Ec2Endpoint extends QueryEndpoint {

    static final String NAMESPACE = "http://ec2.amazonaws.com/doc/2016-11-15/";

    private final Ec2Inventory inventory;

    public Ec2Endpoint(Ec2Inventory inventory, FaultInjector faults) {
        super("ec2", "2016-11-15", faults);
        this.inventory = inventory;
    }

    @Override
    protected String serve(QueryParameters params, String region, String requestId) {
        XmlWriter xml = XmlWriter.root(params.action() + "Response", NAMESPACE).element("requestId", requestId);
        switch (params.action()) {
            case "DescribeVpcs" -> describeVpcs(params, region, xml);
            case "DescribeSubnets" -> describeSubnets(params, region, xml);
            case "DescribeAvailabilityZones" -> describeZones(region, xml);
            case "DescribeInstances" -> describeInstances(params, region, xml);
            case "DescribeInstanceStatus" -> describeInstanceStatus(params, region, xml);
            case "TerminateInstances" -> terminateInstances(params, region, xml);
            default -> throw unknownAction(params.action());
        }
        return xml.finish();
    }

    @Override
    protected String errorDocument(QueryError error, String requestId) {
        return XmlWriter.root("Response").open("Errors").open("Error")
                .element("Code", error.code()).element("Message", error.getMessage())
                .close().close().element("RequestID", requestId).finish();
    }

    @Override
    protected String resourceOf(QueryParameters params) {
        return params.get("InstanceId.1").or(() -> params.get("SubnetId.1")).orElse("*");
    }

    private void describeVpcs(QueryParameters params, String region, XmlWriter xml) {
        List<Vpc> vpcs = select(inventory.vpcs(region), params.list("VpcId"), Vpc::vpcId, "vpc-",
                "InvalidVpcID", "The vpc ID '%s' does not exist", params, Ec2Filters.VPCS);
        xml.open("vpcSet");
        for (Vpc v : vpcs) {
            Ec2Documents.vpc(xml, v);
        }
        xml.close();
    }

    private void describeSubnets(QueryParameters params, String region, XmlWriter xml) {
        List<Ec2Subnet> subnets = select(inventory.subnets(region), params.list("SubnetId"), Ec2Subnet::subnetId,
                "subnet-", "InvalidSubnetID", "The subnet ID '%s' does not exist", params, Ec2Filters.SUBNETS);
        Page<Ec2Subnet> page = Page.of(subnets, params.integer("MaxResults"), params.get("NextToken"));
        xml.open("subnetSet");
        for (Ec2Subnet s : page.items()) {
            Ec2Documents.subnet(xml, s, inventory.instances(region).stream()
                    .filter(i -> i.subnetId().equals(s.subnetId()) && i.state() != InstanceState.TERMINATED)
                    .count());
        }
        xml.close().element("nextToken", page.nextToken());
    }

    private void describeZones(String region, XmlWriter xml) {
        xml.open("availabilityZoneInfo");
        inventory.subnets(region).stream().filter(Ec2Subnet::publicSubnet).forEach(s -> xml.open("item")
                .element("zoneState", "available").element("optInStatus", "opt-in-not-required")
                .element("regionName", region).element("zoneName", s.availabilityZone())
                .element("zoneId", s.availabilityZoneId()).element("groupName", region)
                .element("networkBorderGroup", region).element("zoneType", "availability-zone").close());
        xml.close();
    }

    private void describeInstances(QueryParameters params, String region, XmlWriter xml) {
        Page<Ec2Instance> page = instancePage(params, region, inventory.instances(region));
        xml.open("reservationSet");
        for (Ec2Instance i : page.items()) {
            Ec2Documents.reservation(xml, i);
        }
        xml.close().element("nextToken", page.nextToken());
    }

    private void describeInstanceStatus(QueryParameters params, String region, XmlWriter xml) {
        boolean all = params.bool("IncludeAllInstances").orElse(false);
        List<Ec2Instance> candidates = inventory.instances(region).stream()
                .filter(i -> all || i.state() == InstanceState.RUNNING).toList();
        Page<Ec2Instance> page = instancePage(params, region, candidates);
        xml.open("instanceStatusSet");
        for (Ec2Instance i : page.items()) {
            Ec2Documents.instanceStatus(xml, i);
        }
        xml.close().element("nextToken", page.nextToken());
    }

    private Page<Ec2Instance> instancePage(QueryParameters params, String region, List<Ec2Instance> candidates) {
        List<String> ids = params.list("InstanceId");
        Optional<Integer> max = params.integer("MaxResults");
        if (!ids.isEmpty() && max.isPresent()) {
            throw new QueryError("InvalidParameterCombination", 400,
                    "The parameter instancesSet cannot be used with the parameter maxResults");
        }
        if (max.isPresent() && (max.get() < 5 || max.get() > 1000)) {
            throw QueryError.invalidParameter("Value ( " + max.get()
                    + " ) for parameter maxResults is invalid. Expecting a value between 5 and 1000.");
        }
        requireKnown(ids, inventory.instances(region));
        List<Ec2Instance> selected = select(candidates, ids, Ec2Instance::instanceId, "i-", "InvalidInstanceID",
                null, params, Ec2Filters.INSTANCES);
        return Page.of(selected, max, params.get("NextToken"));
    }

    private void terminateInstances(QueryParameters params, String region, XmlWriter xml) {
        List<String> ids = params.list("InstanceId");
        if (ids.isEmpty()) {
            throw QueryError.missingParameter("InstanceId");
        }
        requireKnown(ids, inventory.instances(region));
        List<Ec2Inventory.StateChange> changes = inventory.terminate(ids, "User initiated");
        xml.open("instancesSet");
        for (Ec2Inventory.StateChange c : changes) {
            xml.open("item").element("instanceId", c.instanceId());
            Ec2Documents.state(xml, "currentState", c.current());
            Ec2Documents.state(xml, "previousState", c.previous());
            xml.close();
        }
        xml.close();
    }

    private static void requireKnown(List<String> ids, List<Ec2Instance> known) {
        checkIds(ids, "i-", "InvalidInstanceID");
        List<String> missing = ids.stream()
                .filter(id -> known.stream().noneMatch(i -> i.instanceId().equals(id))).toList();
        if (missing.size() == 1) {
            throw new QueryError("InvalidInstanceID.NotFound", 400,
                    "The instance ID '" + missing.get(0) + "' does not exist");
        }
        if (!missing.isEmpty()) {
            throw new QueryError("InvalidInstanceID.NotFound", 400,
                    "The instance IDs '" + String.join(", ", missing) + "' do not exist");
        }
    }

    /** Items named by id (all when none are named) that pass the filters; a named id that is missing is an error. */
    private static <T> List<T> select(List<T> all, List<String> ids, Function<T, String> idOf, String prefix,
                                      String errorPrefix, String notFound, QueryParameters params,
                                      FilterSet<T> filterSet) {
        checkIds(ids, prefix, errorPrefix);
        filterSet.validate(params.filters());
        List<T> out = new ArrayList<>();
        for (String id : ids) {
            T item = all.stream().filter(t -> idOf.apply(t).equals(id)).findFirst().orElse(null);
            if (item == null && notFound != null) {
                throw new QueryError(errorPrefix + ".NotFound", 400, String.format(notFound, id));
            }
            if (item != null) {
                out.add(item);
            }
        }
        List<T> named = ids.isEmpty() ? all : out;
        return named.stream().filter(t -> filterSet.matches(t, params.filters())).toList();
    }

    private static void checkIds(List<String> ids, String prefix, String errorPrefix) {
        for (String id : ids) {
            if (!id.matches(java.util.regex.Pattern.quote(prefix) + "[0-9a-f]{8,17}")) {
                throw new QueryError(errorPrefix + ".Malformed", 400,
                        "Invalid id: \"" + id + "\" (expecting \"" + prefix + "...\")");
            }
        }
    }
}
