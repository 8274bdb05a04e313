package dev.ekslifecycle.local.eks.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ekslifecycle.local.aws.LocalAccount;
import dev.ekslifecycle.local.eks.model.EksJson;
import dev.ekslifecycle.local.eks.ops.EksError;
import dev.ekslifecycle.local.http.CredentialScope;
import dev.ekslifecycle.local.http.Request;
import java.util.List;
import java.util.regex.Matcher;

/** One EKS call: the request, the path labels its route captured, and the region it is addressed to. */
final class EksCall {

    private final Request request;
    private final Matcher path;

    EksCall(Request request, Matcher path) {
        this.request = request;
        this.path = path;
    }

    /** The region of the SigV4 credential scope; the default region for unsigned calls. */
    String region() {
        return request.credentialScope().map(CredentialScope::region).orElse(LocalAccount.DEFAULT_REGION);
    }

    /** A path label such as {@code name} or {@code nodegroupName}. */
    String label(String name) {
        return path.group(name);
    }

    <T> T body(Class<T> type) {
        String text = request.bodyText();
        try {
            return EksJson.MAPPER.readValue(text.isBlank() ? "{}" : text, type);
        } catch (JsonProcessingException e) {
            throw EksError.invalidParameter("The request body is not valid for this operation: "
                    + e.getOriginalMessage());
        }
    }

    String query(String name) {
        return request.query(name).orElse(null);
    }

    List<String> queryList(String name) {
        return request.queryParameters().getOrDefault(name, List.of());
    }

    Integer queryInt(String name) {
        String value = query(name);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw EksError.invalidParameter(name + " must be a number, not '" + value + "'");
        }
    }

    boolean queryFlag(String name) {
        return Boolean.parseBoolean(query(name));
    }
}
