package dev.ekslifecycle.eks.sdk;

import dev.ekslifecycle.errors.DependencyThrottledException;
import dev.ekslifecycle.errors.DependencyUnavailableException;
import dev.ekslifecycle.errors.EksRequestRejectedException;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eks.model.EksException;
import software.amazon.awssdk.services.eks.model.ResourceInUseException;
import software.amazon.awssdk.services.eks.model.ResourceNotFoundException;

/** Turns the SDK's EKS exceptions into the gateway's typed errors, in one place. */
final class EksErrors {

    private EksErrors() {
    }

    /** Runs an EKS call; every failure leaves as one of the gateway's typed errors. */
    static <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw translate(what, e);
        }
    }

    /** Runs a read; a missing resource is an empty result. */
    static <T> Optional<T> find(String what, Supplier<T> call) {
        try {
            return Optional.of(call.get());
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw translate(what, e);
        }
    }

    /** Runs a delete; a resource that is already gone is success. */
    static void delete(String what, Runnable call) {
        try {
            call.run();
        } catch (ResourceNotFoundException e) {
            // already gone: deleting is idempotent
        } catch (SdkException e) {
            throw translate(what, e);
        }
    }

    /** Runs a create; "already exists" (ResourceInUse) is reported as false rather than thrown. */
    static boolean create(String what, Runnable call) {
        try {
            call.run();
            return true;
        } catch (ResourceInUseException e) {
            return false;
        } catch (SdkException e) {
            throw translate(what, e);
        }
    }

    static RuntimeException translate(String what, SdkException e) {
        if (e instanceof SdkClientException) {
            return new DependencyUnavailableException(what + ": EKS could not be reached: " + e.getMessage(), e);
        }
        if (e instanceof EksException eks) {
            String code = eks.awsErrorDetails() == null ? "Unknown" : eks.awsErrorDetails().errorCode();
            String message = eks.awsErrorDetails() == null ? eks.getMessage() : eks.awsErrorDetails().errorMessage();
            if (eks.isThrottlingException() || "ThrottlingException".equals(code)) {
                return new DependencyThrottledException(what + ": EKS throttled the call: " + message, e);
            }
            if (eks.statusCode() >= 500) {
                return new DependencyUnavailableException(what + ": EKS failed with " + code + ": " + message, e);
            }
            return new EksRequestRejectedException(code, what + ": " + message, e);
        }
        return new DependencyUnavailableException(what + ": " + e.getMessage(), e);
    }
}
