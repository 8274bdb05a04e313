package dev.ekslifecycle.aws;

import dev.ekslifecycle.aws.PrimingHttpClient.Answer;
import java.util.Map;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * Makes one harmless read through each SDK client with canned answers ({@link PrimingHttpClient}): once answered
 * with success, once with an error. A request then finds the SDK's classes loaded and its code paths run (with
 * SnapStart, in the snapshot). Priming sends nothing, changes nothing, and tolerates any failure, e.g. credentials
 * that cannot be resolved yet.
 */
public final class ClientPriming {

    private static final Logger LOG = Logger.getLogger(ClientPriming.class);

    private ClientPriming() {
    }

    /** Primes every client it knows a read for; returns how many it primed. */
    public static int prime(Iterable<? extends SdkClient> clients) {
        int primed = 0;
        for (SdkClient client : clients) {
            Runnable read = read(client);
            if (read == null) {
                LOG.debugf("no priming read for %s", client.serviceName());
                continue;
            }
            for (Answer answer : Answer.values()) {
                PrimingHttpClient.answering(answer, () -> tolerating(read));
            }
            primed++;
        }
        return primed;
    }

    private static Runnable read(SdkClient client) {
        if (client instanceof DynamoDbClient dynamo) {
            return () -> dynamo.getItem(r -> r.tableName("priming")
                    .key(Map.of("pk", AttributeValue.fromS("priming"), "sk", AttributeValue.fromS("priming"))));
        }
        if (client instanceof EksClient eks) {
            return () -> eks.describeCluster(r -> r.name("priming"));
        }
        if (client instanceof SfnClient sfn) {
            return () -> sfn.describeExecution(r -> r
                    .executionArn("arn:aws:states:us-east-1:000000000000:execution:priming:priming"));
        }
        if (client instanceof EventBridgeClient events) {
            return () -> events.describeEventBus(r -> r.name("priming"));
        }
        if (client instanceof Ec2Client ec2) {
            return () -> ec2.describeInstances(r -> r.instanceIds("i-00000000000000000"));
        }
        return null;
    }

    private static void tolerating(Runnable read) {
        try {
            read.run();
        } catch (RuntimeException expected) {
            // The canned error, or a part of the path that cannot run here; priming stops short, nothing more.
            LOG.tracef("priming read ended with %s", expected.toString());
        }
    }
}
