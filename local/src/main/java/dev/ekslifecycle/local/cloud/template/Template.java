package dev.ekslifecycle.local.cloud.template;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A CloudFormation / SAM template as the local cloud reads it: parameters, mappings, conditions and resources
 * (SAM Globals merged in). Values still hold intrinsic functions; {@link Intrinsics} resolves them.
 */
public record Template(Map<String, TemplateParameter> parameters, Map<String, Object> mappings,
                       Map<String, Object> conditions, List<TemplateResource> resources) {

    private static final Set<String> SECTIONS = Set.of("AWSTemplateFormatVersion", "Transform", "Description",
            "Metadata", "Parameters", "Mappings", "Conditions", "Globals", "Resources", "Outputs");
    private static final String SAM_TRANSFORM = "AWS::Serverless-2016-10-31";
    private static final Set<String> RESOURCE_KEYS = Set.of("Type", "Properties", "Condition", "DependsOn",
            "Metadata", "DeletionPolicy", "UpdateReplacePolicy");

    public Template {
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        mappings = Map.copyOf(mappings);
        conditions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(conditions));
        resources = List.copyOf(resources);
    }

    public static Template read(Path file) throws IOException {
        return of(CloudFormationYaml.read(file));
    }

    public static Template parse(String yaml) {
        return of(CloudFormationYaml.parse(yaml));
    }

    /** Builds the model from a parsed document. Outputs are not deployed locally and are not evaluated. */
    public static Template of(Map<String, Object> document) {
        for (String section : document.keySet()) {
            if (!SECTIONS.contains(section)) {
                throw new TemplateException(section, "unknown top-level section");
            }
        }
        checkTransform(document.get("Transform"));
        SamGlobals globals = new SamGlobals(section(document, "Globals"));
        Map<String, TemplateParameter> parameters = new LinkedHashMap<>();
        section(document, "Parameters").forEach((name, spec) -> parameters.put(name, parameter(name, spec)));
        List<TemplateResource> resources = new ArrayList<>();
        Map<String, Object> declared = section(document, "Resources");
        if (declared.isEmpty()) {
            throw new TemplateException("Resources", "a template needs at least one resource");
        }
        declared.forEach((id, spec) -> resources.add(resource(id, spec, globals)));
        return new Template(parameters, section(document, "Mappings"), section(document, "Conditions"), resources);
    }

    public Optional<TemplateResource> resource(String logicalId) {
        return resources.stream().filter(r -> r.logicalId().equals(logicalId)).findFirst();
    }

    private static void checkTransform(Object transform) {
        List<?> transforms = transform == null ? List.of() : transform instanceof List<?> l ? l : List.of(transform);
        for (Object t : transforms) {
            if (!SAM_TRANSFORM.equals(t)) {
                throw new TemplateException("Transform",
                        "only " + SAM_TRANSFORM + " is supported locally, not " + t);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> document, String name) {
        Object value = document.get(name);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map)) {
            throw new TemplateException(name, "must be a mapping");
        }
        return (Map<String, Object>) value;
    }

    private static Map<String, Object> mapping(Object value, String location) {
        if (!(value instanceof Map<?, ?> m)) {
            throw new TemplateException(location, "must be a mapping");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    private static TemplateParameter parameter(String name, Object spec) {
        Map<String, Object> p = mapping(spec, "Parameters." + name);
        Object allowed = p.getOrDefault("AllowedValues", List.of());
        if (!(allowed instanceof List<?> allowedList)) {
            throw new TemplateException("Parameters." + name + ".AllowedValues", "must be a list");
        }
        return new TemplateParameter(name, String.valueOf(p.getOrDefault("Type", "String")),
                Optional.ofNullable(p.get("Default")).map(Template::scalarText),
                allowedList.stream().map(Template::scalarText).toList(),
                Optional.ofNullable(p.get("AllowedPattern")).map(String::valueOf));
    }

    private static String scalarText(Object value) {
        if (value instanceof List<?> list) {
            return String.join(",", list.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }

    private static TemplateResource resource(String id, Object spec, SamGlobals globals) {
        String location = "Resources." + id;
        Map<String, Object> r = mapping(spec, location);
        for (String key : r.keySet()) {
            if (!RESOURCE_KEYS.contains(key)) {
                throw new TemplateException(location + "." + key, "not supported locally");
            }
        }
        if (!(r.get("Type") instanceof String type)) {
            throw new TemplateException(location + ".Type", "every resource needs a Type");
        }
        Map<String, Object> properties = r.containsKey("Properties")
                ? mapping(r.get("Properties"), location + ".Properties") : Map.of();
        Object dependsOn = r.getOrDefault("DependsOn", List.of());
        List<String> depends = dependsOn instanceof List<?> l
                ? l.stream().map(String::valueOf).toList() : List.of(String.valueOf(dependsOn));
        Optional<String> condition = Optional.ofNullable(r.get("Condition")).map(String::valueOf);
        return new TemplateResource(id, type, globals.apply(type, properties), condition, depends);
    }
}
