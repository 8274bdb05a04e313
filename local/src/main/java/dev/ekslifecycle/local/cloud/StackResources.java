package dev.ekslifecycle.local.cloud;

import dev.ekslifecycle.local.cloud.template.Intrinsics;
import dev.ekslifecycle.local.cloud.template.ResourceAttributes;
import dev.ekslifecycle.local.cloud.template.StackIdentity;
import dev.ekslifecycle.local.cloud.template.Template;
import dev.ekslifecycle.local.cloud.template.TemplateException;
import dev.ekslifecycle.local.cloud.template.TemplateResource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The stack's resources by logical id with their types and local physical names, answering {@code Ref} and
 * {@code Fn::GetAtt} for the template's intrinsics. Names are deterministic ({@code <stack>-<LogicalId>} unless the
 * template names the resource), so a restart on the same data directory finds the same tables and machines. Also
 * holds the resources SAM generates and a template may refer to: {@code <Function>Role},
 * {@code <StateMachine>Role} and {@code ServerlessRestApi}.
 */
final class StackResources implements ResourceAttributes {

    static final String IMPLICIT_API = "ServerlessRestApi";
    private static final String ALIAS_SUFFIX = ".Alias";

    private final StackIdentity stack;
    private final Map<String, TemplateResource> declared = new LinkedHashMap<>();
    private final Map<String, ResourceType> types = new HashMap<>();
    private final Map<String, String> names = new HashMap<>();
    private final Set<String> naming = new HashSet<>();
    private Intrinsics intrinsics;

    StackResources(Template template, StackIdentity stack) {
        this.stack = stack;
        for (TemplateResource r : template.resources()) {
            ResourceType type = ResourceType.of(r.type()).orElseThrow(() -> new TemplateException(
                    "Resources." + r.logicalId() + ".Type",
                    "resource type " + r.type() + " is not supported locally (see docs/local-cloud.md)"));
            declared.put(r.logicalId(), r);
            types.put(r.logicalId(), type);
            if ((type == ResourceType.FUNCTION || type == ResourceType.STATE_MACHINE) && !r.properties().containsKey("Role")) {
                implicit(r.logicalId() + "Role", ResourceType.IAM_ROLE);
            }
        }
        implicit(IMPLICIT_API, ResourceType.API);
    }

    private void implicit(String logicalId, ResourceType type) {
        if (!declared.containsKey(logicalId)) {
            types.putIfAbsent(logicalId, type);
        }
    }

    /** The resolver whose intrinsics may appear in name properties; set once, before any name is asked for. */
    void resolveNamesWith(Intrinsics resolver) {
        this.intrinsics = resolver;
    }

    ResourceType type(String logicalId) {
        return types.get(logicalId);
    }

    /** The local physical name of a resource of the stack. */
    String physicalName(String logicalId) {
        String known = names.get(logicalId);
        if (known != null) {
            return known;
        }
        ResourceType type = types.get(logicalId);
        String name;
        if (type == ResourceType.API) {
            name = apiId(logicalId);
        } else {
            TemplateResource r = declared.get(logicalId);
            Object given = r == null || type.nameProperty == null ? null : r.properties().get(type.nameProperty);
            if (given != null) {
                if (!naming.add(logicalId)) {
                    throw new TemplateException(r.location(type.nameProperty), "the name refers to itself");
                }
                name = String.valueOf(intrinsics.resolve(given, r.location(type.nameProperty)));
                naming.remove(logicalId);
            } else {
                name = stack.generatedName(logicalId, type.maxNameLength);
            }
        }
        names.put(logicalId, name);
        return name;
    }

    @Override
    public Object ref(String logicalId, String location) {
        if (logicalId.endsWith(ALIAS_SUFFIX)) {
            return aliasArn(logicalId.substring(0, logicalId.length() - ALIAS_SUFFIX.length()), location);
        }
        return known(logicalId, location).ref(physicalName(logicalId), stack);
    }

    /**
     * SAM's {@code !Ref Function.Alias}: the ARN of the alias that {@code AutoPublishAlias} publishes. Locally every
     * version is the code in function.zip, so the alias ARN is the function's ARN with the alias as qualifier.
     */
    private Object aliasArn(String functionId, String location) {
        TemplateResource function = declared.get(functionId);
        Object alias = function == null ? null : function.properties().get("AutoPublishAlias");
        if (types.get(functionId) != ResourceType.FUNCTION || alias == null) {
            throw new TemplateException(location, functionId + ALIAS_SUFFIX
                    + " needs an AWS::Serverless::Function with AutoPublishAlias");
        }
        Object arn = getAtt(functionId, "Arn", location);
        return arn + ":" + intrinsics.resolve(alias, function.location("AutoPublishAlias"));
    }

    @Override
    public Object getAtt(String logicalId, String attribute, String location) {
        Object value = known(logicalId, location).attributes(physicalName(logicalId), stack).get(attribute);
        if (value == null) {
            throw new TemplateException(location, "no attribute " + logicalId + "." + attribute + " locally");
        }
        return value;
    }

    private ResourceType known(String logicalId, String location) {
        ResourceType type = types.get(logicalId);
        if (type == null) {
            throw new TemplateException(location, "no resource " + logicalId + " in the template");
        }
        return type;
    }

    /** A REST API id: ten lower-case letters and digits, fixed for the logical id, as API Gateway's ids look. */
    private static String apiId(String logicalId) {
        String hash = Integer.toString(Math.abs(logicalId.hashCode()), 36);
        return (hash + "localapi00").substring(0, 10).toLowerCase(Locale.ROOT);
    }
}
