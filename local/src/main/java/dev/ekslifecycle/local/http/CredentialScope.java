package dev.ekslifecycle.local.http;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of a SigV4 {@code Authorization} header that routes a request: access key, region and service, for
 * example {@code Credential=AKIDEXAMPLE/20261125/us-east-1/eks/aws4_request}. Signatures are not checked: the local
 * cloud accepts any credentials.
 */
public record CredentialScope(String accessKeyId, String region, String service) {

    private static final Pattern CREDENTIAL =
            Pattern.compile("Credential=([^/,\\s]+)/\\d{8}/([^/]+)/([^/]+)/aws4_request");

    public static Optional<CredentialScope> fromAuthorization(String authorization) {
        Matcher m = CREDENTIAL.matcher(authorization);
        return m.find() ? Optional.of(new CredentialScope(m.group(1), m.group(2), m.group(3))) : Optional.empty();
    }
}
