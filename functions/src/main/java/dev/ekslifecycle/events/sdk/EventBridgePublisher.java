package dev.ekslifecycle.events.sdk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ekslifecycle.errors.DependencyThrottledException;
import dev.ekslifecycle.errors.DependencyUnavailableException;
import dev.ekslifecycle.events.LifecycleEvent;
import dev.ekslifecycle.events.LifecycleEventPublisher;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/** {@link LifecycleEventPublisher} over EventBridge PutEvents, on the bus that template.yaml declares. */
public final class EventBridgePublisher implements LifecycleEventPublisher {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventBridgeClient events;
    private final String busName;

    public EventBridgePublisher(EventBridgeClient events, String busName) {
        this.events = events;
        this.busName = busName;
    }

    @Override
    public void publish(LifecycleEvent event) {
        String detail;
        try {
            detail = JSON.writeValueAsString(event.detail());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event detail is not serialisable: " + event, e);
        }
        PutEventsResponse response;
        try {
            response = events.putEvents(r -> r.entries(e -> e
                    .eventBusName(busName)
                    .source(LifecycleEvent.SOURCE)
                    .detailType(event.detailType())
                    .time(event.occurredAt())
                    .detail(detail)
                    .resources(List.of())));
        } catch (SdkException e) {
            if (e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException aws && aws.isThrottlingException()) {
                throw new DependencyThrottledException("PutEvents throttled: " + e.getMessage(), e);
            }
            throw new DependencyUnavailableException("PutEvents failed: " + e.getMessage(), e);
        }
        if (response.failedEntryCount() != null && response.failedEntryCount() > 0) {
            PutEventsResultEntry failed = response.entries().get(0);
            // EventBridge reports throttling per entry rather than as an exception.
            String message = "PutEvents refused " + event.detailType() + ": " + failed.errorCode() + " "
                    + failed.errorMessage();
            if ("ThrottlingException".equals(failed.errorCode())) {
                throw new DependencyThrottledException(message, null);
            }
            throw new DependencyUnavailableException(message, null);
        }
    }
}
