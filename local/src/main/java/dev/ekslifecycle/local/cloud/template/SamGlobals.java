package dev.ekslifecycle.local.cloud.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SAM's {@code Globals} section merged into each resource of its kind, by SAM's rules: a scalar on the resource
 * replaces the global one, maps are merged key by key (recursively, the resource winning), lists are concatenated
 * (globals first). An intrinsic function ({@code {Ref: X}}, {@code {Fn::Sub: ...}}) counts as a scalar.
 */
public final class SamGlobals {

    /** Globals sections and the resource type each applies to. */
    private static final Map<String, String> SECTIONS = Map.of(
            "Function", "AWS::Serverless::Function",
            "Api", "AWS::Serverless::Api");

    private final Map<String, Map<String, Object>> byResourceType = new LinkedHashMap<>();

    @SuppressWarnings("unchecked")
    public SamGlobals(Map<String, Object> globals) {
        for (Map.Entry<String, Object> section : globals.entrySet()) {
            String type = SECTIONS.get(section.getKey());
            if (type == null) {
                throw new TemplateException("Globals." + section.getKey(),
                        "this Globals section is not supported locally (supported: " + SECTIONS.keySet() + ")");
            }
            if (!(section.getValue() instanceof Map)) {
                throw new TemplateException("Globals." + section.getKey(), "must be a mapping of properties");
            }
            byResourceType.put(type, (Map<String, Object>) section.getValue());
        }
    }

    /** The resource's properties with the globals for its type merged in. */
    public Map<String, Object> apply(String resourceType, Map<String, Object> properties) {
        Map<String, Object> globals = byResourceType.get(resourceType);
        return globals == null ? properties : merge(globals, properties);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, Object> global, Map<String, Object> local) {
        Map<String, Object> merged = new LinkedHashMap<>(global);
        for (Map.Entry<String, Object> e : local.entrySet()) {
            Object g = merged.get(e.getKey());
            Object l = e.getValue();
            if (isPlainMap(g) && isPlainMap(l)) {
                merged.put(e.getKey(), merge((Map<String, Object>) g, (Map<String, Object>) l));
            } else if (g instanceof List<?> gl && l instanceof List<?> ll) {
                List<Object> both = new ArrayList<>(gl);
                both.addAll(ll);
                merged.put(e.getKey(), both);
            } else {
                merged.put(e.getKey(), l);
            }
        }
        return merged;
    }

    private static boolean isPlainMap(Object value) {
        return value instanceof Map<?, ?> m && !Intrinsics.isIntrinsic(m);
    }
}
