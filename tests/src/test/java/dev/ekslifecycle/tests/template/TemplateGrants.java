package dev.ekslifecycle.tests.template;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The IAM actions template.yaml grants a function or state machine: the {@code Statement}s of its
 * {@code Policies}, the actions behind the SAM policy templates it uses, or, when it names a {@code Role} with
 * {@code !GetAtt}, the statements of that role's inline policies. Managed policy ARNs (logs and X-Ray for every
 * Lambda) are not counted: they are AWS's, not ours to trim.
 */
final class TemplateGrants {

    /** The SAM policy templates the template uses, with the actions each grants. */
    private static final Map<String, Set<String>> POLICY_TEMPLATES = Map.of(
            "LambdaInvokePolicy", Set.of("lambda:InvokeFunction"));

    private final Map<String, Object> resources;

    @SuppressWarnings("unchecked")
    TemplateGrants(Map<String, Object> template) {
        this.resources = (Map<String, Object>) template.get("Resources");
    }

    @SuppressWarnings("unchecked")
    Set<String> of(String logicalId) {
        Map<String, Object> properties = properties(logicalId);
        Set<String> actions = new TreeSet<>();
        if (properties.get("Role") instanceof Map<?, ?> role) {
            List<Object> getAtt = (List<Object>) role.get("Fn::GetAtt");
            if (getAtt == null) {
                throw new AssertionError(logicalId + ": Role must be !GetAtt of a role in this template");
            }
            for (Object policy : (List<Object>) properties((String) getAtt.get(0)).getOrDefault("Policies",
                    List.of())) {
                actions.addAll(statementActions(((Map<String, Object>) policy).get("PolicyDocument")));
            }
        }
        for (Object policy : (List<Object>) properties.getOrDefault("Policies", List.of())) {
            if (!(policy instanceof Map<?, ?> map)) {
                throw new AssertionError(logicalId + ": unexpected policy " + policy);
            }
            if (map.containsKey("Statement")) {
                actions.addAll(statementActions(map));
            } else {
                for (Object name : map.keySet()) {
                    Set<String> granted = POLICY_TEMPLATES.get((String) name);
                    if (granted == null) {
                        throw new AssertionError(logicalId + ": SAM policy template " + name
                                + " is not known to this test; add its actions to POLICY_TEMPLATES");
                    }
                    actions.addAll(granted);
                }
            }
        }
        return actions;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> properties(String logicalId) {
        Map<String, Object> resource = (Map<String, Object>) resources.get(logicalId);
        if (resource == null) {
            throw new AssertionError("template.yaml has no resource " + logicalId);
        }
        return (Map<String, Object>) resource.getOrDefault("Properties", Map.of());
    }

    @SuppressWarnings("unchecked")
    Set<String> logicalIdsOfType(String type) {
        Set<String> ids = new TreeSet<>();
        resources.forEach((id, r) -> {
            if (type.equals(((Map<String, Object>) r).get("Type"))) {
                ids.add(id);
            }
        });
        return ids;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> statementActions(Object document) {
        Set<String> actions = new TreeSet<>();
        for (Object statement : (List<Object>) ((Map<String, Object>) document).get("Statement")) {
            Map<String, Object> s = (Map<String, Object>) statement;
            if (!"Allow".equals(s.get("Effect"))) {
                continue;
            }
            Object action = s.get("Action");
            if (action instanceof String one) {
                actions.add(one);
            } else {
                ((List<Object>) action).forEach(a -> actions.add((String) a));
            }
        }
        return actions;
    }
}
