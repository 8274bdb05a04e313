package dev.ekslifecycle.local.stepfunctions.language;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which fields each state type accepts, and which belong to only one query language. */
final class FieldRules {

    static final Set<String> JSONPATH_ONLY = Set.of("InputPath", "OutputPath", "Parameters", "ResultPath",
            "ResultSelector", "Result", "ItemsPath", "SecondsPath", "TimestampPath", "TimeoutSecondsPath",
            "HeartbeatSecondsPath", "ErrorPath", "CausePath", "MaxConcurrencyPath", "ToleratedFailureCountPath",
            "ToleratedFailurePercentagePath", "Iterator");
    static final Set<String> JSONATA_ONLY = Set.of("Arguments", "Output", "Items");

    private static final List<String> COMMON = List.of("Type", "Comment", "QueryLanguage");
    private static final List<String> TRANSITION = List.of("Next", "End");
    private static final List<String> ERRORS = List.of("Retry", "Catch");

    private static final Map<String, Set<String>> BY_TYPE = Map.of(
            "Pass", fields(TRANSITION, List.of("InputPath", "OutputPath", "Parameters", "ResultPath", "Result",
                    "Output", "Assign")),
            "Task", fields(TRANSITION, ERRORS, List.of("InputPath", "OutputPath", "Parameters", "ResultPath",
                    "ResultSelector", "Arguments", "Output", "Assign", "Resource", "TimeoutSeconds",
                    "TimeoutSecondsPath", "HeartbeatSeconds", "HeartbeatSecondsPath", "Credentials")),
            "Choice", fields(List.of("InputPath", "OutputPath", "Output", "Assign", "Choices", "Default")),
            "Wait", fields(TRANSITION, List.of("InputPath", "OutputPath", "Output", "Assign", "Seconds",
                    "SecondsPath", "Timestamp", "TimestampPath")),
            "Succeed", fields(List.of("InputPath", "OutputPath", "Output")),
            "Fail", fields(List.of("Error", "ErrorPath", "Cause", "CausePath")),
            "Parallel", fields(TRANSITION, ERRORS, List.of("InputPath", "OutputPath", "Parameters", "ResultPath",
                    "ResultSelector", "Arguments", "Output", "Assign", "Branches")),
            "Map", fields(TRANSITION, ERRORS, List.of("InputPath", "OutputPath", "Parameters", "ResultPath",
                    "ResultSelector", "Output", "Assign", "ItemProcessor", "Iterator", "ItemsPath", "Items",
                    "ItemSelector", "MaxConcurrency", "MaxConcurrencyPath", "ToleratedFailureCount",
                    "ToleratedFailureCountPath", "ToleratedFailurePercentage", "ToleratedFailurePercentagePath",
                    "ItemReader", "ResultWriter", "ItemBatcher", "Label")));

    private FieldRules() {
    }

    static boolean isType(String type) {
        return BY_TYPE.containsKey(type);
    }

    static boolean accepts(String type, String field) {
        return COMMON.contains(field) || BY_TYPE.get(type).contains(field);
    }

    @SafeVarargs
    private static Set<String> fields(List<String>... groups) {
        Set<String> out = new HashSet<>();
        for (List<String> g : groups) {
            out.addAll(g);
        }
        return Set.copyOf(out);
    }
}
