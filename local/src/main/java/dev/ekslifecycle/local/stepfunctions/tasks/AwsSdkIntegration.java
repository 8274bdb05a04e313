package dev.ekslifecycle.local.stepfunctions.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ekslifecycle.local.clock.SimulationClock;
import java.util.concurrent.CompletionStage;

/**
 * {@code arn:aws:states:::aws-sdk:<service>:<action>} for any AWS SDK service module on the classpath. The call runs
 * on the clock's pool; errors are named {@code <Service>.<ErrorCode>} in the SDK's spelling of the service
 * ({@code DynamoDb.ResourceNotFoundException}, {@code Eks.ResourceInUseException}).
 */
public final class AwsSdkIntegration implements TaskIntegration {

    private static final String PREFIX = "aws-sdk:";

    private final SdkCaller caller;
    private final SimulationClock clock;

    AwsSdkIntegration(SdkCaller caller, SimulationClock clock) {
        this.caller = caller;
        this.clock = clock;
    }

    @Override
    public boolean serves(ResourceArn resource) {
        return resource.service().startsWith(PREFIX) && !resource.pattern().isSync();
    }

    @Override
    public CompletionStage<JsonNode> call(TaskCall call) {
        String service = call.resource().service().substring(PREFIX.length());
        return OnClock.run(clock, result -> result.complete(caller.call(service, call.resource().action(),
                call.parameters(), SdkClients.prefix(service))));
    }
}
