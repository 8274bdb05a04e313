package dev.ekslifecycle.ec2.sdk;

import dev.ekslifecycle.ec2.InstanceDirectory;
import dev.ekslifecycle.ec2.NodeGroupInstance;
import dev.ekslifecycle.errors.DependencyThrottledException;
import dev.ekslifecycle.errors.DependencyUnavailableException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * {@link InstanceDirectory} over EC2 DescribeInstances. The instances are named in an {@code instance-id} filter
 * rather than as InstanceIds, because EC2 fails the whole call when one of the InstanceIds does not exist (any more).
 */
public final class SdkInstanceDirectory implements InstanceDirectory {

    private final Ec2Client ec2;

    public SdkInstanceDirectory(Ec2Client ec2) {
        this.ec2 = ec2;
    }

    @Override
    public List<NodeGroupInstance> nodeGroupInstances(Collection<String> instanceIds) {
        if (instanceIds.isEmpty()) {
            return List.of();
        }
        List<NodeGroupInstance> found = new ArrayList<>();
        try {
            ec2.describeInstancesPaginator(r -> r.filters(Filter.builder().name("instance-id").values(instanceIds)
                            .build()))
                    .reservations().forEach(reservation -> reservation.instances().forEach(instance -> {
                        Map<String, String> tags = tags(instance);
                        if (tags.containsKey(CLUSTER_TAG) && tags.containsKey(NODEGROUP_TAG)) {
                            found.add(new NodeGroupInstance(instance.instanceId(), tags.get(CLUSTER_TAG),
                                    tags.get(NODEGROUP_TAG)));
                        }
                    }));
        } catch (SdkException e) {
            if (e instanceof AwsServiceException aws && aws.isThrottlingException()) {
                throw new DependencyThrottledException("DescribeInstances throttled: " + e.getMessage(), e);
            }
            throw new DependencyUnavailableException("DescribeInstances failed: " + e.getMessage(), e);
        }
        return found;
    }

    private static Map<String, String> tags(Instance instance) {
        return instance.tags().stream().collect(Collectors.toMap(Tag::key, Tag::value, (a, b) -> b));
    }
}
