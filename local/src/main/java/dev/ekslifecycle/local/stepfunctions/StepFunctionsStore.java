package dev.ekslifecycle.local.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ekslifecycle.local.stepfunctions.runtime.Execution;
import java.util.List;

/** Where state machines and executions are kept between runs of the local cloud. */
public interface StepFunctionsStore {

    void saveMachine(StateMachine machine);

    void deleteMachine(String arn);

    /** Saves an execution as it stands (called when it starts, when it ends and at checkpoints). */
    void saveExecution(Execution execution);

    List<StateMachine> loadMachines();

    List<StoredExecution> loadExecutions();

    /** An execution read back, with the top-level state it was in and that state's input (null: from StartAt). */
    record StoredExecution(Execution execution, String state, JsonNode stateInput) {
    }

    /** Keeps nothing: everything is lost when the process ends. */
    static StepFunctionsStore inMemory() {
        return new StepFunctionsStore() {
            @Override
            public void saveMachine(StateMachine machine) {
            }

            @Override
            public void deleteMachine(String arn) {
            }

            @Override
            public void saveExecution(Execution execution) {
            }

            @Override
            public List<StateMachine> loadMachines() {
                return List.of();
            }

            @Override
            public List<StoredExecution> loadExecutions() {
                return List.of();
            }
        };
    }
}
