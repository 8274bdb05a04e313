package dev.ekslifecycle.local.stepfunctions;

import dev.ekslifecycle.local.stepfunctions.language.StateMachineDefinition;
import java.time.Instant;

/** A state machine as stored: its current definition and settings. Replaced as a whole by UpdateStateMachine. */
public record StateMachine(String arn, String name, String type, String definitionJson,
        StateMachineDefinition definition, String roleArn, Instant creationDate, Instant updateDate,
        String revisionId) {

    public boolean isExpress() {
        return "EXPRESS".equals(type);
    }
}
