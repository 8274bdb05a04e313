package dev.ekslifecycle.local.autoscaling;

import dev.ekslifecycle.local.aws.LocalAccount;
import dev.ekslifecycle.local.faults.FaultInjector;
import dev.ekslifecycle.local.query.Page;
import dev.ekslifecycle.local.query.QueryEndpoint;
import dev.ekslifecycle.local.query.QueryError;
import dev.ekslifecycle.local.query.QueryParameters;
import dev.ekslifecycle.local.query.XmlWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Auto Scaling on the edge port (awsQuery protocol, API version 2011-01-01): DescribeAutoScalingGroups,
 * DescribeAutoScalingInstances, SetDesiredCapacity, UpdateAutoScalingGroup and
 * TerminateInstanceInAutoScalingGroup.
 */
public final class AutoScalingEndpoint extends QueryEndpoint {

    static final String NAMESPACE = "http://autoscaling.amazonaws.com/doc/2011-01-01/";

    private final AutoScalingService service;

    public AutoScalingEndpoint(AutoScalingService service, FaultInjector faults) {
        super("autoscaling", "2011-01-01", faults);
        this.service = service;
    }

    @Override
    protected String serve(QueryParameters params, String region, String requestId) {
        XmlWriter xml = XmlWriter.root(params.action() + "Response", NAMESPACE);
        switch (params.action()) {
            case "DescribeAutoScalingGroups" -> describeGroups(params, region, xml.open(resultOf(params)));
            case "DescribeAutoScalingInstances" -> describeInstances(params, region, xml.open(resultOf(params)));
            case "SetDesiredCapacity" -> service.setDesiredCapacity(groupName(params, region),
                    requiredInteger(params, "DesiredCapacity"));
            case "UpdateAutoScalingGroup" -> service.updateSizes(groupName(params, region),
                    params.integer("MinSize"), params.integer("MaxSize"), params.integer("DesiredCapacity"));
            case "TerminateInstanceInAutoScalingGroup" -> terminate(params, region, xml.open(resultOf(params)));
            default -> throw unknownAction(params.action());
        }
        if (xml.depth() > 1) {
            xml.close();
        }
        return xml.open("ResponseMetadata").element("RequestId", requestId).close().finish();
    }

    @Override
    protected String errorDocument(QueryError error, String requestId) {
        return XmlWriter.root("ErrorResponse", NAMESPACE).open("Error")
                .element("Type", error.senderFault() ? "Sender" : "Receiver")
                .element("Code", error.code()).element("Message", error.getMessage()).close()
                .element("RequestId", requestId).finish();
    }

    @Override
    protected String resourceOf(QueryParameters params) {
        return params.get("AutoScalingGroupName").or(() -> params.get("InstanceId")).orElse("*");
    }

    private static String resultOf(QueryParameters params) {
        return params.action() + "Result";
    }

    private static int requiredInteger(QueryParameters params, String name) {
        params.required(name);
        return params.integer(name).orElseThrow();
    }

    /** The group named by the call, which must exist in the caller's region. */
    private String groupName(QueryParameters params, String region) {
        String name = params.required("AutoScalingGroupName");
        if (service.group(name).filter(g -> g.region().equals(region)).isEmpty()) {
            throw AutoScalingService.validation("AutoScalingGroup name not found - AutoScalingGroup '" + name
                    + "' not found");
        }
        return name;
    }

    private void describeGroups(QueryParameters params, String region, XmlWriter xml) {
        List<String> names = params.members("AutoScalingGroupNames");
        List<GroupFilter> filters = GroupFilter.parse(params);
        List<GroupRecord> selected = service.groups(region).stream()
                .filter(g -> names.isEmpty() || names.contains(g.name()))
                .filter(g -> filters.stream().allMatch(f -> f.matches(g.tags())))
                .toList();
        Page<GroupRecord> page = Page.of(selected, maxRecords(params), params.get("NextToken"));
        xml.open("AutoScalingGroups");
        for (GroupRecord g : page.items()) {
            group(xml, g, service.members(g.name()));
        }
        xml.close().element("NextToken", page.nextToken());
    }

    private void describeInstances(QueryParameters params, String region, XmlWriter xml) {
        List<String> ids = params.members("InstanceIds");
        List<GroupInstance> selected = service.membersIn(region).stream()
                .filter(m -> ids.isEmpty() || ids.contains(m.instanceId())).toList();
        Page<GroupInstance> page = Page.of(selected, maxRecords(params), params.get("NextToken"));
        xml.open("AutoScalingInstances");
        for (GroupInstance m : page.items()) {
            xml.open("member").element("AutoScalingGroupName", m.groupName());
            instanceFields(xml, service.group(m.groupName()).orElseThrow(), m);
            xml.close();
        }
        xml.close().element("NextToken", page.nextToken());
    }

    private void terminate(QueryParameters params, String region, XmlWriter xml) {
        String instanceId = params.required("InstanceId");
        String decrement = params.required("ShouldDecrementDesiredCapacity");
        if (service.member(instanceId).flatMap(m -> service.group(m.groupName()))
                .filter(g -> g.region().equals(region)).isEmpty()) {
            throw AutoScalingService.validation("Instance Id not found - No managed instance found for instance ID: "
                    + instanceId);
        }
        Activity a = service.terminateInstance(instanceId, Boolean.parseBoolean(decrement));
        xml.open("Activity").element("ActivityId", a.activityId()).element("AutoScalingGroupName", a.groupName())
                .element("Description", a.description()).element("Cause", a.cause())
                .element("StartTime", a.startTime()).element("StatusCode", a.statusCode())
                .element("Progress", a.progress()).element("Details", "{}").close();
    }

    private static Optional<Integer> maxRecords(QueryParameters params) {
        Optional<Integer> max = params.integer("MaxRecords");
        if (max.isPresent() && (max.get() < 1 || max.get() > 100)) {
            throw AutoScalingService.validation("1 validation error detected: Value '" + max.get()
                    + "' at 'maxRecords' failed to satisfy constraint: Member must have value less than or equal"
                    + " to 100");
        }
        return Optional.of(max.orElse(50));
    }

    private static void group(XmlWriter xml, GroupRecord g, List<GroupInstance> members) {
        xml.open("member").element("AutoScalingGroupName", g.name()).element("AutoScalingGroupARN", g.arn());
        launchTemplate(xml, g, g.launchVersion());
        xml.element("MinSize", g.minSize()).element("MaxSize", g.maxSize())
                .element("DesiredCapacity", g.desiredCapacity()).element("DefaultCooldown", 300)
                .open("AvailabilityZones");
        zones(g, members).forEach(z -> xml.element("member", z));
        xml.close().open("LoadBalancerNames").close().open("TargetGroupARNs").close()
                .element("HealthCheckType", "EC2").element("HealthCheckGracePeriod", 15)
                .open("Instances");
        for (GroupInstance m : members) {
            xml.open("member");
            instanceFields(xml, g, m);
            xml.close();
        }
        xml.close().element("CreatedTime", g.createdTime()).open("SuspendedProcesses").close()
                .element("VPCZoneIdentifier", String.join(",", g.subnetIds())).open("EnabledMetrics").close()
                .open("Tags");
        new TreeMap<>(g.tags()).forEach((k, v) -> xml.open("member").element("ResourceId", g.name())
                .element("ResourceType", "auto-scaling-group").element("Key", k).element("Value", v)
                .element("PropagateAtLaunch", true).close());
        xml.close().open("TerminationPolicies").element("member", "AllocationStrategy")
                .element("member", "OldestLaunchTemplate").element("member", "OldestInstance").close()
                .element("NewInstancesProtectedFromScaleIn", false)
                .element("ServiceLinkedRoleARN", "arn:aws:iam::" + LocalAccount.ACCOUNT_ID
                        + ":role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling")
                .element("CapacityRebalance", false);
        if (g.deleting()) {
            xml.element("Status", "Delete in progress");
        }
        xml.close();
    }

    private static List<String> zones(GroupRecord g, List<GroupInstance> members) {
        List<String> zones = new ArrayList<>();
        members.forEach(m -> {
            if (!zones.contains(m.availabilityZone())) {
                zones.add(m.availabilityZone());
            }
        });
        return zones.isEmpty() ? List.of(g.region() + "a") : zones.stream().sorted().toList();
    }

    private static void instanceFields(XmlWriter xml, GroupRecord g, GroupInstance m) {
        xml.element("InstanceId", m.instanceId()).element("InstanceType", m.instanceType())
                .element("AvailabilityZone", m.availabilityZone())
                .element("LifecycleState", m.lifecycleState().apiName())
                .element("HealthStatus", m.healthStatus());
        launchTemplate(xml, g, m.launchVersion());
        xml.element("ProtectedFromScaleIn", false);
    }

    private static void launchTemplate(XmlWriter xml, GroupRecord g, LaunchVersion version) {
        xml.open("LaunchTemplate").element("LaunchTemplateId", "lt-" + g.uuid().replace("-", "").substring(0, 17))
                .element("LaunchTemplateName", "eks-" + g.uuid()).element("Version", version.number()).close();
    }

    /** A DescribeAutoScalingGroups filter on tags: tag-key, tag-value or tag:KEY. */
    private record GroupFilter(String name, List<String> values) {

        static List<GroupFilter> parse(QueryParameters params) {
            List<GroupFilter> out = new ArrayList<>();
            for (int i = 1; params.get("Filters.member." + i + ".Name").isPresent(); i++) {
                String name = params.get("Filters.member." + i + ".Name").orElseThrow();
                if (!name.equals("tag-key") && !name.equals("tag-value") && !name.startsWith("tag:")) {
                    throw AutoScalingService.validation("Filter type " + name + " is not correct. Allowed Filter"
                            + " types are: auto-scaling-group, key, value, propagate-at-launch, tag-key, tag-value"
                            + " and tag:<key>");
                }
                out.add(new GroupFilter(name, params.members("Filters.member." + i + ".Values")));
            }
            return out;
        }

        boolean matches(Map<String, String> tags) {
            if (name.equals("tag-key")) {
                return tags.keySet().stream().anyMatch(values::contains);
            }
            if (name.equals("tag-value")) {
                return tags.values().stream().anyMatch(values::contains);
            }
            return values.contains(tags.get(name.substring(4)));
        }
    }
}
