package dev.ekslifecycle.local.stepfunctions.language;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ekslifecycle.local.stepfunctions.jsonata.JsonataTemplate;
import dev.ekslifecycle.local.stepfunctions.paths.PayloadTemplate;

/** Map: runs its ItemProcessor once per item; the output is the array of the iterations' outputs. */
public final class MapState extends State {

    private final StateMachineDefinition processor;
    private final DynamicValue items;
    private final PayloadTemplate itemSelectorPath;
    private final JsonataTemplate itemSelectorJsonata;
    private final DynamicValue maxConcurrency;
    private final DynamicValue toleratedFailureCount;
    private final DynamicValue toleratedFailurePercentage;

    MapState(Common common, StateMachineDefinition processor, DynamicValue items, PayloadTemplate itemSelectorPath,
            JsonataTemplate itemSelectorJsonata, DynamicValue maxConcurrency, DynamicValue toleratedFailureCount,
            DynamicValue toleratedFailurePercentage) {
        super(common);
        this.processor = processor;
        this.items = items;
        this.itemSelectorPath = itemSelectorPath;
        this.itemSelectorJsonata = itemSelectorJsonata;
        this.maxConcurrency = maxConcurrency;
        this.toleratedFailureCount = toleratedFailureCount;
        this.toleratedFailurePercentage = toleratedFailurePercentage;
    }

    @Override
    public String type() {
        return "Map";
    }

    public StateMachineDefinition processor() {
        return processor;
    }

    /** ItemsPath or Items; null means the whole effective input. */
    public DynamicValue items() {
        return items;
    }

    /**
     * The iteration input for one item: ItemSelector (the legacy Parameters) evaluated with {@code input} as the
     * Map's effective input and the item in the context, or the item itself.
     */
    public JsonNode selectItem(JsonNode input, JsonNode item, StateEnvironment env) {
        if (itemSelectorPath != null) {
            return itemSelectorPath.evaluate(env.pathScope(input), "ItemSelector");
        }
        if (itemSelectorJsonata != null) {
            return itemSelectorJsonata.evaluate(env.jsonata(input), "ItemSelector");
        }
        return item;
    }

    /** MaxConcurrency(Path), or null for unlimited. */
    public DynamicValue maxConcurrency() {
        return maxConcurrency;
    }

    public DynamicValue toleratedFailureCount() {
        return toleratedFailureCount;
    }

    public DynamicValue toleratedFailurePercentage() {
        return toleratedFailurePercentage;
    }
}
