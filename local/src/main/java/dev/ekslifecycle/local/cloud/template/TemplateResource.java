package dev.ekslifecycle.local.cloud.template;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of a template's {@code Resources}, as written: properties are not resolved yet (they may hold
 * intrinsic functions), SAM Globals are already merged in.
 */
public record TemplateResource(String logicalId, String type, Map<String, Object> properties,
                               Optional<String> condition, List<String> dependsOn) {

    public TemplateResource {
        properties = Map.copyOf(properties);
        dependsOn = List.copyOf(dependsOn);
    }

    /** Where a property of this resource sits in the template, for error messages. */
    public String location(String property) {
        return "Resources." + logicalId + ".Properties." + property;
    }
}
