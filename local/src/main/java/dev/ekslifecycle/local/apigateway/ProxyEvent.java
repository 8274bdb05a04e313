package dev.ekslifecycle.local.apigateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.aws.LocalAccount;
import dev.ekslifecycle.local.http.Request;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The event a REST API's Lambda proxy integration sends (payload format 1.0): resource, path, method, headers and
 * query strings in single- and multi-value form, path parameters, {@code requestContext} with {@code identity}, and
 * the body, base64-encoded when its content type is one of the API's binary media types or it is not UTF-8 text.
 */
final class ProxyEvent {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

    private ProxyEvent() {
    }

    static ObjectNode of(RestApi api, RestApi.Match match, Request request, String host, Instant now,
                         String requestId) {
        ObjectNode event = JSON.createObjectNode();
        event.put("resource", match.route().resourcePath());
        event.put("path", request.path());
        event.put("httpMethod", request.method());
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.headers().forEach((name, values) -> headers.put(canonical(name), values));
        putValues(event, "headers", "multiValueHeaders", headers);
        putValues(event, "queryStringParameters", "multiValueQueryStringParameters", request.queryParameters());
        if (match.pathParameters().isEmpty()) {
            event.putNull("pathParameters");
        } else {
            ObjectNode parameters = event.putObject("pathParameters");
            match.pathParameters().forEach(parameters::put);
        }
        event.putNull("stageVariables");
        event.set("requestContext", requestContext(api, match, request, host, now, requestId));
        byte[] body = request.body();
        boolean base64 = body.length > 0 && (api.isBinary(request.contentType()) || !isUtf8(body));
        if (body.length == 0) {
            event.putNull("body");
        } else {
            event.put("body", base64 ? Base64.getEncoder().encodeToString(body)
                    : new String(body, StandardCharsets.UTF_8));
        }
        event.put("isBase64Encoded", base64);
        return event;
    }

    private static ObjectNode requestContext(RestApi api, RestApi.Match match, Request request, String host,
                                             Instant now, String requestId) {
        ObjectNode context = JSON.createObjectNode();
        context.put("accountId", LocalAccount.ACCOUNT_ID);
        context.put("apiId", api.id());
        context.put("domainName", host);
        context.put("domainPrefix", host.split("[.:]", 2)[0]);
        context.put("extendedRequestId", requestId);
        context.put("httpMethod", request.method());
        context.put("path", "/" + api.stageName() + request.path());
        context.put("protocol", "HTTP/1.1");
        context.put("requestId", requestId);
        context.put("requestTime", REQUEST_TIME.format(now));
        context.put("requestTimeEpoch", now.toEpochMilli());
        context.put("resourceId", Integer.toHexString(match.route().resourcePath().hashCode()));
        context.put("resourcePath", match.route().resourcePath());
        context.put("stage", api.stageName());
        ObjectNode identity = context.putObject("identity");
        for (String absent : List.of("accessKey", "accountId", "apiKey", "apiKeyId", "caller",
                "cognitoAuthenticationProvider", "cognitoAuthenticationType", "cognitoIdentityId",
                "cognitoIdentityPoolId", "principalOrgId", "user", "userArn")) {
            identity.putNull(absent);
        }
        if (api.iamAuthorization()) {
            // the caller IAM authorization saw: the local account's user named by the access key
            request.credentialScope().ifPresent(scope -> identity.put("accessKey", scope.accessKeyId())
                    .put("accountId", LocalAccount.ACCOUNT_ID).put("caller", scope.accessKeyId())
                    .put("user", scope.accessKeyId())
                    .put("userArn", "arn:aws:iam::" + LocalAccount.ACCOUNT_ID + ":user/" + scope.accessKeyId()));
        }
        identity.put("sourceIp", "127.0.0.1");
        identity.put("userAgent", request.header("User-Agent").orElse(null));
        return context;
    }

    /** API Gateway's two forms: the last value of each name, and all values; both null when there are none. */
    private static void putValues(ObjectNode event, String single, String multi, Map<String, List<String>> values) {
        if (values.isEmpty()) {
            event.putNull(single);
            event.putNull(multi);
            return;
        }
        ObjectNode one = event.putObject(single);
        ObjectNode all = event.putObject(multi);
        values.forEach((name, list) -> {
            one.put(name, list.isEmpty() ? "" : list.get(list.size() - 1));
            ArrayNode array = all.putArray(name);
            list.forEach(array::add);
        });
    }

    /**
     * {@code Content-Type}, {@code X-Amz-Date}: the local HTTP server lower-cases header names after the first
     * letter, so they are given the capitalisation clients send, as API Gateway passes names on as sent.
     */
    private static String canonical(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean start = true;
        for (char c : name.toCharArray()) {
            out.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
            start = c == '-';
        }
        return out.toString();
    }

    private static boolean isUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
