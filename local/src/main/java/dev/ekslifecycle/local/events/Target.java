package dev.ekslifecycle.local.events;

import java.util.Map;

/**
 * A rule target as PutTargets gives it. At most one of {@code input}, {@code inputPath} and {@code transformer}
 * is set; with none the whole event is the target's input.
 */
public record Target(String id, String arn, String roleArn, String input, String inputPath,
                     InputTransformer transformer) {

    /** InputPathsMap (variable → JSON path into the event) and an InputTemplate with {@code <variable>}s. */
    public record InputTransformer(Map<String, String> inputPathsMap, String inputTemplate) {
        public InputTransformer {
            inputPathsMap = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputPathsMap));
        }
    }
}
