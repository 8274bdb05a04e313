package dev.ekslifecycle.tests.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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

    private final Map<String, Object> template;
    private final Map<String, Object> resources;

    @SuppressWarnings("unchecked")
    TemplateGrants(Map<String, Object> template) {
        this.template = template;
        this.resources = (Map<String, Object>) template.get("Resources");
    }

    /** One Allow statement (or SAM policy template) of a grantee: its actions and its Resource value as parsed. */
    record Grant(String name, Set<String> actions, Object resources) {
    }

    Set<String> of(String logicalId) {
        Set<String> actions = new TreeSet<>();
        grants(logicalId).forEach(g -> actions.addAll(g.actions()));
        return actions;
    }

    @SuppressWarnings("unchecked")
    List<Grant> grants(String logicalId) {
        Map<String, Object> properties = properties(logicalId);
        List<Grant> grants = new ArrayList<>();
        if (properties.get("Role") instanceof Map<?, ?> role) {
            List<Object> getAtt = (List<Object>) role.get("Fn::GetAtt");
            if (getAtt == null) {
                throw new AssertionError(logicalId + ": Role must be !GetAtt of a role in this template");
            }
            for (Object policy : (List<Object>) properties((String) getAtt.get(0)).getOrDefault("Policies",
                    List.of())) {
                grants.addAll(statements(((Map<String, Object>) policy).get("PolicyDocument")));
            }
        }
        for (Object policy : (List<Object>) properties.getOrDefault("Policies", List.of())) {
            if (!(policy instanceof Map<?, ?> map)) {
                throw new AssertionError(logicalId + ": unexpected policy " + policy);
            }
            if (map.containsKey("Statement")) {
                grants.addAll(statements(map));
            } else {
                map.forEach((name, arguments) -> {
                    Set<String> granted = POLICY_TEMPLATES.get((String) name);
                    if (granted == null) {
                        throw new AssertionError(logicalId + ": SAM policy template " + name
                                + " is not known to this test; add its actions to POLICY_TEMPLATES");
                    }
                    grants.add(new Grant((String) name, granted, arguments));
                });
            }
        }
        return grants;
    }

    /**
     * The template resources a function or state machine is wired to: those its environment variables (its own
     * and the Globals') name, or those its definition substitutions and logging destinations name. Its code or
     * definition can only reach a resource of this stack through these.
     */
    @SuppressWarnings("unchecked")
    Set<String> wiring(String logicalId) {
        Map<String, Object> properties = properties(logicalId);
        Set<String> wired = new TreeSet<>(ResourceScoping.references(environment(properties)));
        if ("AWS::Serverless::Function".equals(type(logicalId))) {
            Map<String, Object> function = (Map<String, Object>) ((Map<String, Object>) template
                    .getOrDefault("Globals", Map.of())).getOrDefault("Function", Map.of());
            wired.addAll(ResourceScoping.references(environment(function)));
        }
        wired.addAll(ResourceScoping.references(properties.get("DefinitionSubstitutions")));
        wired.addAll(ResourceScoping.references(properties.get("Logging")));
        return wired;
    }

    /** A function's environment variables (the Globals' included) with the resources each names. */
    @SuppressWarnings("unchecked")
    Map<String, Set<String>> environmentReferences(String logicalId) {
        Map<String, Set<String>> variables = new TreeMap<>();
        Map<String, Object> function = (Map<String, Object>) ((Map<String, Object>) template
                .getOrDefault("Globals", Map.of())).getOrDefault("Function", Map.of());
        for (Map<String, Object> properties : List.of(function, properties(logicalId))) {
            environment(properties).forEach((name, value) -> variables.put(name, ResourceScoping.references(value)));
        }
        return variables;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(Map<String, Object> properties) {
        Map<String, Object> environment = (Map<String, Object>) properties.getOrDefault("Environment", Map.of());
        return (Map<String, Object>) environment.getOrDefault("Variables", Map.of());
    }

    @SuppressWarnings("unchecked")
    private String type(String logicalId) {
        return (String) ((Map<String, Object>) resources.get(logicalId)).get("Type");
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
    private static List<Grant> statements(Object document) {
        List<Grant> grants = new ArrayList<>();
        for (Object statement : (List<Object>) ((Map<String, Object>) document).get("Statement")) {
            Map<String, Object> s = (Map<String, Object>) statement;
            if (!"Allow".equals(s.get("Effect"))) {
                continue;
            }
            Set<String> actions = new TreeSet<>();
            Object action = s.get("Action");
            if (action instanceof String one) {
                actions.add(one);
            } else {
                ((List<Object>) action).forEach(a -> actions.add((String) a));
            }
            grants.add(new Grant(String.valueOf(s.getOrDefault("Sid", actions)), actions, s.get("Resource")));
        }
        return grants;
    }
}
