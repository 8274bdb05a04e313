package dev.ekslifecycle.api;

import dev.ekslifecycle.api.eksctl.EksctlConfigTranslator;
import dev.ekslifecycle.api.eksctl.EksctlTranslation;
import dev.ekslifecycle.domain.ClusterSpec;
import dev.ekslifecycle.domain.SubnetFacts;
import dev.ekslifecycle.domain.json.ClusterSpecJson;
import dev.ekslifecycle.domain.json.SpecCheck;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Turns a POST /clusters body into a validated spec: our JSON spec, or an eksctl ClusterConfig in YAML. The answer
 * is the spec, or the error response to send (413, 415 or 400 with every violation).
 */
final class SpecRequestParser {

    /** API Gateway's own payload limit is higher; 256 KB matches Step Functions' and keeps a spec reviewable. */
    static final int MAX_BODY_BYTES = 256 * 1024;
    private static final Set<String> YAML = Set.of("application/yaml", "application/x-yaml", "text/yaml");

    private final EksctlConfigTranslator eksctl;

    SpecRequestParser(String region) {
        this.eksctl = new EksctlConfigTranslator(region);
    }

    /** Either a spec or a response. */
    record Parsed(ClusterSpec spec, ApiResponse error) {
    }

    Parsed parse(ApiRequest request) {
        int size = request.body().getBytes(StandardCharsets.UTF_8).length;
        if (size > MAX_BODY_BYTES) {
            return failed(Problems.of(413, "Content Too Large",
                    "the body has " + size + " bytes; at most " + MAX_BODY_BYTES + " are accepted"));
        }
        String type = request.mediaType();
        SpecCheck check;
        if (type.equals("application/json")) {
            check = ClusterSpecJson.check(request.body(), SubnetFacts.UNKNOWN);
        } else if (YAML.contains(type)) {
            EksctlTranslation translation = eksctl.translate(request.body());
            if (!translation.problems().isEmpty()) {
                return failed(Problems.invalid("the eksctl ClusterConfig has fields eks-lifecycle cannot honour",
                        translation.problems()));
            }
            check = ClusterSpecJson.check(translation.spec(), translation);
        } else {
            return failed(Problems.of(415, "Unsupported Media Type", "Content-Type " + type
                    + " is not accepted; send application/json (a cluster spec) or application/yaml"
                    + " (an eksctl ClusterConfig)"));
        }
        if (!check.valid()) {
            return failed(Problems.invalid("the cluster spec is not valid", check.problems()));
        }
        return new Parsed(check.spec(), null);
    }

    private static Parsed failed(ApiResponse response) {
        return new Parsed(null, response);
    }
}
