package dev.ekslifecycle.local.eks.state;

/**
 * A {@code clientRequestToken} already used: the call it came with ({@code fingerprint}) and what that call made
 * (a resource name or an update id), so a retry with the same token gets the same result.
 */
public record TokenUse(String key, String fingerprint, String resultId) {
}
